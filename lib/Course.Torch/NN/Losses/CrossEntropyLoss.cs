namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Cross entropy of logits against class indices or class probabilities (log_softmax then NLL).</summary>
            public static Modules.CrossEntropyLoss CrossEntropyLoss(Tensor? weight = null, long? ignore_index = null, Reduction reduction = Reduction.Mean, double label_smoothing = 0.0) =>
                new(weight, ignore_index, reduction, label_smoothing);

            public static partial class functional
            {
                /// <summary>
                /// With logits x (N, C, …) and log p = log_softmax(x) over the class dimension:
                /// class-index targets: ℓ = (1 − ε)·nll(log p, y) + ε/C · Σ_c −w_c·log p_c (ignored targets give 0; "mean" divides by
                /// Σ w[yₙ] over kept targets); probability targets y' = (1 − ε)·y + ε/C: ℓₙ = −Σ_c w_c·y'_c·log p_c ("mean" divides by N).
                /// </summary>
                public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100, Reduction reduction = Reduction.Mean, double label_smoothing = 0.0)
                {
                    OpBan.Enter("cross_entropy");
                    if (label_smoothing < 0 || label_smoothing > 1)
                        throw new ArgumentException($"label_smoothing must be between 0.0 and 1.0. Got: {label_smoothing}");
                    var classDim = input.shape.Length == 1 ? 0 : 1;
                    var classes = input.shape[classDim];
                    var logp = input.log_softmax(classDim);
                    var classWeight = weight?.to(logp.dtype).reshape([classes, .. Enumerable.Repeat(1L, input.shape.Length - classDim - 1)]);
                    if (torch.is_floating_point(target.dtype)) return SoftTargetCrossEntropy(logp, target, classWeight, classDim, classes, reduction, label_smoothing);

                    var nll = nll_loss(logp, target, weight, reduction, ignore_index);
                    if (label_smoothing == 0) return nll;
                    var keep = target.ne(ignore_index);
                    var smooth = (classWeight is null ? logp : logp.mul(classWeight)).sum(classDim).neg().mul(keep.to(logp.dtype));
                    var smoothReduced = reduction switch
                    {
                        Reduction.None => smooth,
                        Reduction.Sum => smooth.sum(),
                        _ when weight is null => smooth.sum().div(keep.sum().to(logp.dtype)),
                        _ => smooth.sum().div(weight.to(logp.dtype).index_select(0, where(keep, target, zeros_like(target)).reshape(-1)).mul(keep.reshape(-1).to(logp.dtype)).sum()),
                    };
                    return nll.mul(1 - label_smoothing).add(smoothReduced.mul(label_smoothing / classes));
                }

                /// <summary>ℓₙ = −Σ_c w_c·y'_c·log p_c with smoothed probabilities y' = (1 − ε)·y + ε/C.</summary>
                static Tensor SoftTargetCrossEntropy(Tensor logp, Tensor target, Tensor? classWeight, int classDim, long classes, Reduction reduction, double label_smoothing)
                {
                    if (!logp.shape.SequenceEqual(target.shape))
                        throw new ArgumentException($"cross_entropy: probability target shape {ShapeString(target.shape)} must match input shape {ShapeString(logp.shape)}");
                    var y = label_smoothing > 0 ? target.mul(1 - label_smoothing).add(label_smoothing / classes) : target;
                    var terms = logp.mul(y);
                    if (classWeight is not null) terms = terms.mul(classWeight);
                    return reduction switch
                    {
                        Reduction.None => terms.sum(classDim).neg(),
                        Reduction.Sum => terms.sum().neg(),
                        _ => terms.sum().neg().div(logp.numel() / classes),
                    };
                }
            }
        }
    }
}

namespace Course.Torch.Modules
{
    /// <summary>Cross-entropy loss module (logits in, no softmax needed before it).</summary>
    public sealed class CrossEntropyLoss : WeightedLoss<torch.Tensor, torch.Tensor, torch.Tensor>
    {
        /// <summary>Creates the loss.</summary>
        public CrossEntropyLoss(torch.Tensor? weight = null, long? ignore_index = null, torch.nn.Reduction reduction = torch.nn.Reduction.Mean, double label_smoothing = 0.0)
            : base(weight, reduction)
        {
            this.ignore_index = ignore_index;
            this.label_smoothing = label_smoothing;
        }

        /// <summary>The target value that contributes nothing (null = −100, PyTorch's default).</summary>
        public long? ignore_index { get; }

        /// <summary>The share ε of probability mass spread evenly over the classes.</summary>
        public double label_smoothing { get; }

        /// <summary>The cross entropy of the logits <paramref name="input"/> against <paramref name="target"/>.</summary>
        public override torch.Tensor forward(torch.Tensor input, torch.Tensor target) =>
            torch.nn.functional.cross_entropy(input, target, weight, ignore_index ?? -100, reduction, label_smoothing);
    }
}
