namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Mean squared error: (x − y)², reduced.</summary>
            public static Modules.MSELoss MSELoss(Reduction reduction = Reduction.Mean) => new(reduction);

            public static partial class functional
            {
                /// <summary>Squared error ℓ = (x − y)² (broadcasting as PyTorch), reduced.</summary>
                public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
                {
                    OpBan.Enter("mse_loss");
                    var diff = input.sub(target);
                    return Reduce(diff.mul(diff), reduction);
                }
            }
        }
    }
}

namespace Course.Torch.Modules
{
    /// <summary>Mean squared error loss module.</summary>
    public sealed class MSELoss : Loss<torch.Tensor, torch.Tensor, torch.Tensor>
    {
        /// <summary>Creates the loss.</summary>
        public MSELoss(torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(reduction) { }

        /// <summary>(input − target)², reduced.</summary>
        public override torch.Tensor forward(torch.Tensor input, torch.Tensor target) => torch.nn.functional.mse_loss(input, target, reduction);
    }
}
