using Course.Torch.Modules;

namespace Course.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Helpers used around training steps.</summary>
        public static partial class utils
        {
            /// <summary>
            /// Scales all gradients together so their joint norm ‖(‖g₁‖, ‖g₂‖, …)‖_p is at most <paramref name="max_norm"/>:
            /// g ← g·min(1, max_norm/(total + 1e−6)). Returns the total norm before clipping (∞-norm: the largest |g|).
            /// </summary>
            public static double clip_grad_norm_(IEnumerable<Parameter> tensors, double max_norm, double norm_type = 2.0)
            {
                var grads = tensors.Select(p => p.grad).OfType<Tensor>().ToList();
                if (grads.Count == 0) return 0;
                double total;
                using (no_grad())
                {
                    var norms = grads.Select(g => PNorm(g.to(ScalarType.Float64), norm_type)).ToList();
                    total = double.IsPositiveInfinity(norm_type) ? norms.Max() : Math.Pow(norms.Sum(n => Math.Pow(n, norm_type)), 1 / norm_type);
                    var coefficient = Math.Min(1.0, max_norm / (total + 1e-6));
                    foreach (var g in grads) g.mul_(coefficient);
                }
                return total;
            }

            /// <summary>‖g‖_p = (Σ|g|^p)^(1/p); p = ∞ gives max |g|.</summary>
            static double PNorm(Tensor g, double p) =>
                double.IsPositiveInfinity(p) ? g.abs().max().item<double>() : Math.Pow(g.abs().pow(p).sum().item<double>(), 1 / p);

            /// <summary>Clamps every gradient element into [−clip_value, clip_value], in place.</summary>
            public static void clip_grad_value_(IEnumerable<Parameter> tensors, double clip_value)
            {
                using (no_grad())
                    foreach (var p in tensors)
                        p.grad?.clamp_(-clip_value, clip_value);
            }
        }
    }
}
