namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Kullback-Leibler divergence of the target from log-probabilities <c>input</c>.</summary>
            public static Modules.KLDivLoss KLDivLoss(bool log_target = true, Reduction reduction = Reduction.Mean) => new(log_target, reduction);

            public static partial class functional
            {
                /// <summary>
                /// ℓ = y·(log y − x) with x = log q (0 where y = 0); with <paramref name="log_target"/>, y is given as log y
                /// and ℓ = e^y·(y − x). Reduced elementwise (mean over all elements, as PyTorch's "mean").
                /// </summary>
                public static Tensor kl_div(Tensor input, Tensor target, bool log_target = true, Reduction reduction = Reduction.Mean)
                {
                    var loss = log_target
                        ? target.exp().mul(target.sub(input))
                        : where(target.gt(0), target.mul(target.log()), zeros_like(target)).sub(target.mul(input));
                    return Reduce(loss, reduction);
                }
            }
        }
    }
}

namespace Course.Torch.Modules
{
    /// <summary>KL-divergence loss module.</summary>
    public sealed class KLDivLoss : Loss<torch.Tensor, torch.Tensor, torch.Tensor>
    {
        /// <summary>Creates the loss.</summary>
        public KLDivLoss(bool log_target = true, torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(reduction) { this.log_target = log_target; }

        /// <summary>True when the target is given as log-probabilities.</summary>
        public bool log_target { get; }

        /// <summary>The KL divergence of target from input.</summary>
        public override torch.Tensor forward(torch.Tensor input, torch.Tensor target) => torch.nn.functional.kl_div(input, target, log_target, reduction);
    }
}
