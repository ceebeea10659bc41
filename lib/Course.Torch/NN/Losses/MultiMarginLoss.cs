namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Multi-class hinge loss (the multiclass SVM loss).</summary>
            public static Modules.MultiMarginLoss MultiMarginLoss(int p = 1, double margin = 1.0, Tensor? weight = null, Reduction reduction = Reduction.Mean) =>
                new(p, margin, weight, reduction);

            public static partial class functional
            {
                /// <summary>ℓₙ = Σ_{j≠y} w[y]·max(0, margin − x[y] + x[j])^p / C for scores (N, C) or (C), reduced over n.</summary>
                public static Tensor multi_margin_loss(Tensor input, Tensor target, int p = 1, double margin = 1.0, Tensor? weight = null, Reduction reduction = Reduction.Mean)
                {
                    if (p != 1 && p != 2) throw new ArgumentException($"multi_margin_loss: only p == 1 and p == 2 supported, got {p}");
                    if (input.shape.Length > 2) throw new ArgumentException($"multi_margin_loss: expected input of shape (C) or (N, C), got {ShapeString(input.shape)}");
                    var (rows, y, classes) = ClassRows(input, target, "multi_margin_loss");
                    if (Converting.Gather<long>(y).FirstOrDefault(t => t < 0 || t >= classes, 0) is var bad && (bad < 0 || bad >= classes))
                        throw new ArgumentException($"Target {bad} is out of bounds: expected a class index in [0, {classes}) for {classes} classes");
                    var scoreOfTarget = rows.gather(1, y.unsqueeze(1));
                    var notTarget = arange(classes).unsqueeze(0).ne(y.unsqueeze(1)).to(rows.dtype);
                    var hinge = rows.sub(scoreOfTarget).add(margin).clamp_min(0);
                    if (p == 2) hinge = hinge.mul(hinge);
                    if (weight is not null) hinge = hinge.mul(weight.to(rows.dtype).index_select(0, y).unsqueeze(1));
                    var loss = hinge.mul(notTarget).sum(1).div(classes);
                    return Reduce(reduction == Reduction.None ? loss.reshape(target.shape) : loss, reduction);
                }
            }
        }
    }
}

namespace Course.Torch.Modules
{
    /// <summary>Multi-class margin (hinge) loss module.</summary>
    public sealed class MultiMarginLoss : WeightedLoss<torch.Tensor, torch.Tensor, torch.Tensor>
    {
        /// <summary>Creates the loss.</summary>
        public MultiMarginLoss(int p = 1, double margin = 1.0, torch.Tensor? weight = null, torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : base(weight, reduction)
        {
            this.p = p;
            this.margin = margin;
        }

        /// <summary>The hinge exponent (1 or 2).</summary>
        public int p { get; }

        /// <summary>How far the target's score must exceed every other score.</summary>
        public double margin { get; }

        /// <summary>The multi-margin loss of scores <paramref name="input"/> against class indices <paramref name="target"/>.</summary>
        public override torch.Tensor forward(torch.Tensor input, torch.Tensor target) =>
            torch.nn.functional.multi_margin_loss(input, target, p, margin, weight, reduction);
    }
}
