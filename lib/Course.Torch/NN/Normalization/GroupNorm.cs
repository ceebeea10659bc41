using Course.Torch.Modules;
using static Course.Torch.torch;

namespace Course.Torch.Modules
{
    /// <summary>Group normalization: channels split into groups normalized per sample, then a per-channel scale and shift.</summary>
    public sealed class GroupNorm : nn.Module<Tensor, Tensor>
    {
        /// <summary>The per-channel scale (ones; null without affine).</summary>
        public Parameter? weight;
        /// <summary>The per-channel shift (zeros; null without affine).</summary>
        public Parameter? bias;

        internal GroupNorm(long num_groups, long num_channels, double eps, bool affine, ScalarType? dtype) : base(nameof(GroupNorm))
        {
            if (num_groups <= 0 || num_channels % num_groups != 0)
                throw new ArgumentException($"num_channels must be divisible by num_groups, got num_channels={num_channels} and num_groups={num_groups}");
            this.num_groups = num_groups;
            this.num_channels = num_channels;
            this.eps = eps;
            if (affine)
            {
                weight = nn.Parameter(ones(num_channels, dtype));
                bias = nn.Parameter(zeros(num_channels, dtype));
            }
            RegisterComponents();
        }

        /// <summary>The number of groups.</summary>
        public long num_groups { get; }
        /// <summary>The number of channels C.</summary>
        public long num_channels { get; }
        /// <summary>Added to the variance before the square root.</summary>
        public double eps { get; set; }

        /// <summary>Normalizes each group of channels of each sample.</summary>
        public override Tensor forward(Tensor input)
        {
            if (input.ndim < 2 || input._shape[1] != num_channels)
                throw new ArgumentException($"GroupNorm: expected input with {num_channels} channels, got input of shape {ShapeString(input._shape)}");
            return nn.functional.group_norm(input, num_groups, weight, bias, eps);
        }
    }

    /// <summary>Local response normalization: each channel divided by a power of the squares summed over neighbouring channels.</summary>
    public sealed class LocalResponseNorm : nn.Module<Tensor, Tensor>
    {
        internal LocalResponseNorm(long size, double alpha, double beta, double k) : base(nameof(LocalResponseNorm))
        {
            this.size = size;
            this.alpha = alpha;
            this.beta = beta;
            this.k = k;
        }

        /// <summary>The number of neighbouring channels summed.</summary>
        public long size { get; }
        /// <summary>The multiplicative factor α.</summary>
        public double alpha { get; }
        /// <summary>The exponent β.</summary>
        public double beta { get; }
        /// <summary>The additive constant k.</summary>
        public double k { get; }

        /// <summary>y_c = x_c / (k + α/n · Σ_{c' near c} x_{c'}²)^β.</summary>
        public override Tensor forward(Tensor input) => nn.functional.local_response_norm(input, size, alpha, beta, k);
    }
}

namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Group normalization over (N, C, *) inputs.</summary>
            /// <param name="num_groups">The number of groups the channels split into.</param>
            /// <param name="num_channels">The number of channels C (divisible by num_groups).</param>
            /// <param name="eps">Added to the variance for numerical stability.</param>
            /// <param name="affine">Whether to learn a per-channel scale and shift.</param>
            /// <param name="device">The device (CPU only).</param>
            /// <param name="dtype">The parameters' dtype.</param>
            public static GroupNorm GroupNorm(long num_groups, long num_channels, double eps = 1e-05, bool affine = true,
                Device? device = null, ScalarType? dtype = null) => new(num_groups, num_channels, eps, affine, dtype);

            /// <summary>Local response normalization across channels.</summary>
            /// <param name="size">The number of neighbouring channels summed.</param>
            /// <param name="alpha">The multiplicative factor α.</param>
            /// <param name="beta">The exponent β.</param>
            /// <param name="k">The additive constant k.</param>
            public static LocalResponseNorm LocalResponseNorm(long size, double alpha = 0.0001, double beta = 0.75, double k = 1.0) =>
                new(size, alpha, beta, k);
        }
    }
}
