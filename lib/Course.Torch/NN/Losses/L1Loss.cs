namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Mean absolute error: |x − y|, reduced.</summary>
            public static Modules.L1Loss L1Loss(Reduction reduction = Reduction.Mean) => new(reduction);

            public static partial class functional
            {
                /// <summary>Absolute error ℓ = |x − y|, reduced. dℓ/dx = sign(x − y) (0 at a tie).</summary>
                public static Tensor l1_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                    Reduce(input.sub(target).abs(), reduction);
            }
        }
    }
}

namespace Course.Torch.Modules
{
    /// <summary>Mean absolute error loss module.</summary>
    public sealed class L1Loss : Loss<torch.Tensor, torch.Tensor, torch.Tensor>
    {
        /// <summary>Creates the loss.</summary>
        public L1Loss(torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(reduction) { }

        /// <summary>|input − target|, reduced.</summary>
        public override torch.Tensor forward(torch.Tensor input, torch.Tensor target) => torch.nn.functional.l1_loss(input, target, reduction);
    }
}
