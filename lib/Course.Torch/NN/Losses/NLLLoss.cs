namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Negative log-likelihood of class-index targets given log-probabilities.</summary>
            public static Modules.NLLLoss NLLLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean, long ignore_index = -100) =>
                new(weight, reduction, ignore_index);

            public static partial class functional
            {
                /// <summary>
                /// ℓₙ = −w[yₙ]·x[n, yₙ] for input (N, C) or (N, C, d₁, …) of log-probabilities and targets (N) or (N, d₁, …);
                /// targets equal to <paramref name="ignore_index"/> contribute 0 (and no weight).
                /// "mean" divides the sum by Σₙ w[yₙ] over non-ignored targets, as PyTorch.
                /// </summary>
                public static Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean, long ignore_index = -100)
                {
                    OpBan.Enter("nll_loss");
                    var (rows, flatTarget, classes) = ClassRows(input, target, "nll_loss");
                    var keep = flatTarget.ne(ignore_index);
                    CheckTargets(flatTarget, classes, ignore_index);
                    var safeTarget = where(keep, flatTarget, zeros_like(flatTarget));
                    var picked = rows.gather(1, safeTarget.unsqueeze(1)).squeeze(1);
                    var w = (weight is null ? ones_like(picked) : weight.to(picked.dtype).index_select(0, safeTarget)).mul(keep.to(picked.dtype));
                    var loss = picked.mul(w).neg();
                    return reduction switch
                    {
                        Reduction.None => loss.reshape(target.shape),
                        Reduction.Sum => loss.sum(),
                        _ => loss.sum().div(w.sum()),
                    };
                }

                /// <summary>
                /// Input (C), (N, C) or (N, C, d₁, …) as rows (M, C) with the class dimension last, and the class-index
                /// target flattened to (M), after checking the shapes agree.
                /// </summary>
                internal static (Tensor rows, Tensor target, long classes) ClassRows(Tensor input, Tensor target, string op)
                {
                    var ndim = input.shape.Length;
                    if (ndim == 0) throw new ArgumentException($"{op}: input must have a class dimension, got shape {ShapeString(input.shape)}");
                    if (torch.is_floating_point(target.dtype) || target.dtype == ScalarType.Bool)
                        throw new ArgumentException($"{op}: expected a target of class indices (int64), got {target.dtype} with shape {ShapeString(target.shape)}");
                    var classes = input.shape[ndim == 1 ? 0 : 1];
                    var expected = ndim == 1 ? Array.Empty<long>() : input.shape.Where((_, d) => d != 1).ToArray();
                    if (ndim >= 2 && target.shape.Length >= 1 && target.shape[0] != input.shape[0])
                        throw new ArgumentException($"{op}: Expected input batch_size ({input.shape[0]}) to match target batch_size ({target.shape[0]}); input shape {ShapeString(input.shape)}, target shape {ShapeString(target.shape)}");
                    if (!target.shape.SequenceEqual(expected))
                        throw new ArgumentException($"{op}: expected target of shape {ShapeString(expected)} for input of shape {ShapeString(input.shape)}, got target shape {ShapeString(target.shape)}");
                    var classLast = ndim <= 2 ? input : input.permute([0, .. Enumerable.Range(2, ndim - 2).Select(d => (long)d), 1]);
                    return (classLast.reshape(-1, classes), target.to(ScalarType.Int64).reshape(-1), classes);
                }

                /// <summary>Every target must be a class index in [0, C) or the ignored index.</summary>
                static void CheckTargets(Tensor target, long classes, long ignore_index)
                {
                    foreach (var t in Converting.Gather<long>(target))
                        if (t != ignore_index && (t < 0 || t >= classes))
                            throw new ArgumentException($"Target {t} is out of bounds: expected a class index in [0, {classes}) for {classes} classes");
                }
            }
        }
    }
}

namespace Course.Torch.Modules
{
    /// <summary>Negative log-likelihood loss module.</summary>
    public sealed class NLLLoss : WeightedLoss<torch.Tensor, torch.Tensor, torch.Tensor>
    {
        /// <summary>Creates the loss.</summary>
        public NLLLoss(torch.Tensor? weight = null, torch.nn.Reduction reduction = torch.nn.Reduction.Mean, long ignore_index = -100) : base(weight, reduction)
        {
            this.ignore_index = ignore_index;
        }

        /// <summary>The target value that contributes nothing.</summary>
        public long ignore_index { get; }

        /// <summary>The NLL of the targets under the log-probabilities <paramref name="input"/>.</summary>
        public override torch.Tensor forward(torch.Tensor input, torch.Tensor target) =>
            torch.nn.functional.nll_loss(input, target, weight, reduction, ignore_index);
    }
}
