namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Smooth L1: quadratic below <paramref name="beta"/>, linear above.</summary>
            public static Modules.SmoothL1Loss SmoothL1Loss(Reduction reduction = Reduction.Mean, double beta = 1.0) => new(reduction, beta);

            public static partial class functional
            {
                /// <summary>d = |x − y|; ℓ = 0.5·d²/β if d &lt; β else d − 0.5·β (β = 0 gives L1), reduced.</summary>
                public static Tensor smooth_l1_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, double beta = 1.0)
                {
                    if (beta < 0) throw new ArgumentException($"smooth_l1_loss does not support negative values for beta, got {beta}");
                    if (beta == 0) return l1_loss(input, target, reduction);
                    var d = input.sub(target).abs();
                    return Reduce(where(d.lt(beta), d.mul(d).mul(0.5 / beta), d.sub(0.5 * beta)), reduction);
                }
            }
        }
    }
}

namespace Course.Torch.Modules
{
    /// <summary>Smooth L1 loss module.</summary>
    public sealed class SmoothL1Loss : Loss<torch.Tensor, torch.Tensor, torch.Tensor>
    {
        /// <summary>Creates the loss.</summary>
        public SmoothL1Loss(torch.nn.Reduction reduction = torch.nn.Reduction.Mean, double beta = 1.0) : base(reduction) { this.beta = beta; }

        /// <summary>Where the loss switches from quadratic to linear.</summary>
        public double beta { get; }

        /// <summary>The smooth L1 loss of input against target.</summary>
        public override torch.Tensor forward(torch.Tensor input, torch.Tensor target) => torch.nn.functional.smooth_l1_loss(input, target, reduction, beta);
    }
}
