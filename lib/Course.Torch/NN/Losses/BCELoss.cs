namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Binary cross entropy of probabilities against targets in [0, 1].</summary>
            public static Modules.BCELoss BCELoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) => new(weight, reduction);

            public static partial class functional
            {
                /// <summary>ℓ = −w·(y·max(log x, −100) + (1 − y)·max(log(1 − x), −100)), reduced (the clamp keeps x = 0 or 1 finite, as PyTorch).</summary>
                public static Tensor binary_cross_entropy(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean)
                {
                    OpBan.Enter("binary_cross_entropy");
                    CheckSameShape(input, target, "binary_cross_entropy");
                    if (input.lt(0).logical_or(input.gt(1)).any().item<bool>())
                        throw new ArgumentException($"binary_cross_entropy: all elements of input should be between 0 and 1 (input shape {ShapeString(input.shape)})");
                    var logX = input.log().clamp_min(-100);
                    var log1mX = input.neg().add(1).log().clamp_min(-100);
                    var loss = target.mul(logX).add(target.neg().add(1).mul(log1mX)).neg();
                    if (weight is not null) loss = loss.mul(weight);
                    return Reduce(loss, reduction);
                }
            }
        }
    }
}

namespace Course.Torch.Modules
{
    /// <summary>Binary cross-entropy loss module (probabilities in; see BCEWithLogitsLoss for logits).</summary>
    public sealed class BCELoss : WeightedLoss<torch.Tensor, torch.Tensor, torch.Tensor>
    {
        /// <summary>Creates the loss.</summary>
        public BCELoss(torch.Tensor? weight = null, torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(weight, reduction) { }

        /// <summary>The binary cross entropy of probabilities <paramref name="input"/> against <paramref name="target"/>.</summary>
        public override torch.Tensor forward(torch.Tensor input, torch.Tensor target) => torch.nn.functional.binary_cross_entropy(input, target, weight, reduction);
    }
}
