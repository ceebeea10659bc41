using System.Numerics;
using Course.Torch.Kernels;

namespace Course.Torch.Kernels
{
    /// <summary>
    /// erf(x) = 2/√π · e^(−x²) · Σₙ x·(2x²)ⁿ / (1·3·5⋯(2n+1)), computed in double. Every term is positive, so the
    /// sum has no cancellation and is accurate to a few ulps; for |x| ≥ 6, erf(x) = ±1 in double.
    /// </summary>
    internal struct ErfOp : IFloatUnaryOp
    {
        public static T Invoke<T>(T x) where T : IFloatingPointIeee754<T> => T.CreateChecked(Erf(double.CreateChecked(x)));

        public static void Invoke<T>(ReadOnlySpan<T> x, Span<T> result) where T : IFloatingPointIeee754<T>
        {
            for (int i = 0; i < x.Length; i++) result[i] = Invoke(x[i]);
        }

        static double Erf(double x)
        {
            if (double.IsNaN(x)) return x;
            if (Math.Abs(x) >= 6) return Math.Sign(x);
            double x2 = x * x, term = x, sum = x;
            for (int n = 1; Math.Abs(term) > 1e-17 * Math.Abs(sum); n++)
            {
                term *= 2 * x2 / (2 * n + 1);
                sum += term;
            }
            return 2 / Math.Sqrt(Math.PI) * Math.Exp(-x2) * sum;
        }
    }
}

namespace Course.Torch
{
    public static partial class torch
    {
        public partial class Tensor
        {
            /// <summary>
            /// The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt (integers become floats).
            /// Backward: d erf/dx = 2/√π · e^(−x²).
            /// </summary>
            public Tensor erf()
            {
                var y = FloatUnary<ErfOp>(this);
                return y.WithGrad("ErfBackward0", [this], g => [g.mul(this.square().neg().exp().mul(2 / Math.Sqrt(Math.PI)))], this);
            }

            /// <summary>In place: erf(x).</summary>
            public Tensor erf_() => InPlace(x => x.erf());
        }

        /// <summary>The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt.</summary>
        public static Tensor erf(Tensor input) => input.erf();

        /// <summary>In place: erf(x).</summary>
        public static Tensor erf_(Tensor input) => input.erf_();
    }
}
