namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Hinge embedding loss for distances <c>input</c> with labels ±1.</summary>
            public static Modules.HingeEmbeddingLoss HingeEmbeddingLoss(double margin = 1.0, Reduction reduction = Reduction.Mean) => new(margin, reduction);

            public static partial class functional
            {
                /// <summary>ℓ = x where y = 1, max(0, margin − x) where y = −1 (other labels get both terms, as PyTorch), reduced. TorchSharp's functional default margin is 0 (the module's is 1).</summary>
                public static Tensor hinge_embedding_loss(Tensor input, Tensor target, double margin = 0.0, Reduction reduction = Reduction.Mean)
                {
                    var zeros = zeros_like(input);
                    var marginTerm = where(target.ne(1), input.neg().add(margin).clamp_min(0), zeros);
                    var selfTerm = where(target.ne(-1), input, zeros);
                    return Reduce(marginTerm.add(selfTerm), reduction);
                }
            }
        }
    }
}

namespace Course.Torch.Modules
{
    /// <summary>Hinge embedding loss module.</summary>
    public sealed class HingeEmbeddingLoss : Loss<torch.Tensor, torch.Tensor, torch.Tensor>
    {
        /// <summary>Creates the loss.</summary>
        public HingeEmbeddingLoss(double margin = 1.0, torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(reduction) { this.margin = margin; }

        /// <summary>The margin dissimilar pairs must exceed.</summary>
        public double margin { get; }

        /// <summary>The hinge embedding loss.</summary>
        public override torch.Tensor forward(torch.Tensor input, torch.Tensor target) => torch.nn.functional.hinge_embedding_loss(input, target, margin, reduction);
    }
}
