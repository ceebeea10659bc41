using Course.Torch.Modules;
using static Course.Torch.torch;

namespace Course.Torch.Modules
{
    /// <summary>Layer normalization: each sample normalized over its last dimensions, then scaled and shifted elementwise.</summary>
    public sealed class LayerNorm : nn.Module<Tensor, Tensor>
    {
        /// <summary>The elementwise scale (ones; null without elementwise_affine).</summary>
        public Parameter? weight;
        /// <summary>The elementwise shift (zeros; null without elementwise_affine or bias).</summary>
        public Parameter? bias;

        internal LayerNorm(long[] normalized_shape, double eps, bool elementwise_affine, bool bias, ScalarType? dtype) : base(nameof(LayerNorm))
        {
            this.normalized_shape = (long[])normalized_shape.Clone();
            this.eps = eps;
            if (elementwise_affine)
            {
                weight = nn.Parameter(ones(normalized_shape, dtype));
                if (bias) this.bias = nn.Parameter(zeros(normalized_shape, dtype));
            }
            RegisterComponents();
        }

        /// <summary>The trailing shape each sample is normalized over.</summary>
        public long[] normalized_shape { get; }
        /// <summary>Added to the variance before the square root.</summary>
        public double eps { get; set; }

        /// <summary>y = (x − mean) / √(var + eps) · weight + bias over the last dimensions.</summary>
        public override Tensor forward(Tensor input) => nn.functional.layer_norm(input, normalized_shape, weight, bias, eps);
    }
}

namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Layer normalization over the trailing dimensions <paramref name="normalized_shape"/>.</summary>
            /// <param name="normalized_shape">The trailing shape to normalize over.</param>
            /// <param name="eps">Added to the variance for numerical stability.</param>
            /// <param name="elementwise_affine">Whether to learn an elementwise scale (and shift).</param>
            /// <param name="bias">Whether the affine part has a shift.</param>
            /// <param name="device">The device (CPU only).</param>
            /// <param name="dtype">The parameters' dtype.</param>
            public static LayerNorm LayerNorm(long[] normalized_shape, double eps = 1e-05, bool elementwise_affine = true, bool bias = true,
                Device? device = null, ScalarType? dtype = null) => new(normalized_shape, eps, elementwise_affine, bias, dtype);

            /// <summary>Layer normalization over the last dimension of size <paramref name="normalized_shape"/>.</summary>
            /// <param name="normalized_shape">The size of the last dimension.</param>
            /// <param name="eps">Added to the variance for numerical stability.</param>
            /// <param name="elementwise_affine">Whether to learn an elementwise scale (and shift).</param>
            /// <param name="bias">Whether the affine part has a shift.</param>
            /// <param name="device">The device (CPU only).</param>
            /// <param name="dtype">The parameters' dtype.</param>
            public static LayerNorm LayerNorm(long normalized_shape, double eps = 1e-05, bool elementwise_affine = true, bool bias = true,
                Device? device = null, ScalarType? dtype = null) => new([normalized_shape], eps, elementwise_affine, bias, dtype);
        }
    }
}
