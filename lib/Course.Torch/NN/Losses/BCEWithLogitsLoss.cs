namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Binary cross entropy on logits (sigmoid folded in, numerically stable).</summary>
            public static Modules.BCEWithLogitsLoss BCEWithLogitsLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? pos_weights = null) =>
                new(weight, reduction, pos_weights);

            public static partial class functional
            {
                /// <summary>
                /// ℓ = w·[(1 − y)·x + (1 + (p − 1)·y)·log(1 + e^(−x))] with pos_weight p, computed stably as
                /// log(1 + e^(−x)) = m + log(e^(−m) + e^(−x−m)), m = max(−x, 0); reduced.
                /// </summary>
                public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? pos_weights = null)
                {
                    CheckSameShape(input, target, "binary_cross_entropy_with_logits");
                    var m = input.neg().clamp_min(0);
                    var softplusNeg = m.neg().exp().add(input.neg().sub(m).exp()).log().add(m);
                    var logWeight = pos_weights is null ? null : pos_weights.sub(1).mul(target).add(1);
                    var loss = target.neg().add(1).mul(input).add(logWeight is null ? softplusNeg : logWeight.mul(softplusNeg));
                    if (weight is not null) loss = loss.mul(weight);
                    return Reduce(loss, reduction);
                }
            }
        }
    }
}

namespace Course.Torch.Modules
{
    /// <summary>Binary cross entropy with logits loss module.</summary>
    public sealed class BCEWithLogitsLoss : WeightedLoss<torch.Tensor, torch.Tensor, torch.Tensor>
    {
        /// <summary>Creates the loss.</summary>
        public BCEWithLogitsLoss(torch.Tensor? weight = null, torch.nn.Reduction reduction = torch.nn.Reduction.Mean, torch.Tensor? pos_weights = null) : base(weight, reduction)
        {
            this.pos_weights = pos_weights;
        }

        /// <summary>Weight of positive examples per class (broadcast along the last dimension).</summary>
        public torch.Tensor? pos_weights { get; }

        /// <summary>The binary cross entropy of logits <paramref name="input"/> against <paramref name="target"/>.</summary>
        public override torch.Tensor forward(torch.Tensor input, torch.Tensor target) =>
            torch.nn.functional.binary_cross_entropy_with_logits(input, target, weight, reduction, pos_weights);
    }
}
