using Course.Torch.Modules;
using static Course.Torch.torch;

namespace Course.Torch.Modules
{
    /// <summary>
    /// The shared state of the batch-norm layers: per-channel weight (γ, ones) and bias (β, zeros), and the running
    /// mean/variance buffers that evaluation mode uses instead of the batch's statistics.
    /// </summary>
    public abstract class NormBase : nn.Module<Tensor, Tensor>
    {
        /// <summary>The scale γ, one per channel (null without affine).</summary>
        public Parameter? weight;
        /// <summary>The shift β, one per channel (null without affine).</summary>
        public Parameter? bias;
        /// <summary>The running mean (zeros at start; null without track_running_stats).</summary>
        public Tensor? running_mean;
        /// <summary>The running unbiased variance (ones at start; null without track_running_stats).</summary>
        public Tensor? running_var;
        /// <summary>How many training batches have updated the running statistics (int64 scalar).</summary>
        public Tensor? num_batches_tracked;

        /// <summary>Creates the parameters and buffers for <paramref name="num_features"/> channels.</summary>
        protected NormBase(long num_features, double eps, double? momentum, bool affine, bool track_running_stats, ScalarType? dtype, string name) : base(name)
        {
            this.num_features = num_features;
            this.eps = eps;
            this.momentum = momentum;
            this.affine = affine;
            this.track_running_stats = track_running_stats;
            if (affine)
            {
                weight = nn.Parameter(ones(num_features, dtype));
                bias = nn.Parameter(zeros(num_features, dtype));
            }
            if (track_running_stats)
            {
                running_mean = zeros(num_features, dtype);
                running_var = ones(num_features, dtype);
                num_batches_tracked = tensor(0L);
            }
            RegisterComponents();
        }

        /// <summary>The number of channels C.</summary>
        public long num_features { get; }
        /// <summary>Added to the variance before the square root.</summary>
        public double eps { get; set; }
        /// <summary>The running statistics' update rate; null means a cumulative average over all batches seen.</summary>
        public double? momentum { get; set; }
        /// <summary>Whether the layer has weight and bias.</summary>
        public bool affine { get; }
        /// <summary>Whether the layer keeps running statistics.</summary>
        public bool track_running_stats { get; }

        /// <summary>Resets the running statistics to mean 0, variance 1, no batches.</summary>
        public void reset_running_stats()
        {
            using var _ = no_grad();
            running_mean?.zero_();
            running_var?.fill_(1);
            num_batches_tracked?.zero_();
        }

        /// <summary>Throws unless the input has the dimensions this layer expects.</summary>
        protected abstract void ValidateInputDimensions(Tensor input);

        /// <summary>
        /// Normalizes with the batch's statistics in training (updating the running ones) and with the running ones in
        /// evaluation; without running statistics the batch's are always used.
        /// </summary>
        public override Tensor forward(Tensor input)
        {
            ValidateInputDimensions(input);
            if (input._shape[1] != num_features)
                throw new ArgumentException($"{name}: expected input with {num_features} channels (num_features), got {input._shape[1]} channels in input of shape {ShapeString(input._shape)}");
            double factor = momentum ?? 0.0;
            if (training && track_running_stats && num_batches_tracked is not null)
            {
                using (no_grad()) num_batches_tracked.add_(1);
                if (momentum is null) factor = 1.0 / num_batches_tracked.item<long>();
            }
            return nn.functional.batch_norm(input, running_mean, running_var, weight, bias, training, factor, eps);
        }
    }

    /// <summary>Batch normalization of (N, C) or (N, C, L) inputs, per channel C.</summary>
    public sealed class BatchNorm1d : NormBase
    {
        internal BatchNorm1d(long num_features, double eps, double momentum, bool affine, bool track_running_stats, ScalarType? dtype)
            : base(num_features, eps, momentum, affine, track_running_stats, dtype, nameof(BatchNorm1d)) { }

        /// <inheritdoc/>
        protected override void ValidateInputDimensions(Tensor input)
        {
            if (input.ndim is not (2 or 3))
                throw new ArgumentException($"BatchNorm1d: expected 2D or 3D input (got {input.ndim}D input of shape {ShapeString(input._shape)})");
        }
    }

    /// <summary>Batch normalization of (N, C, H, W) inputs, per channel C.</summary>
    public sealed class BatchNorm2d : NormBase
    {
        internal BatchNorm2d(long num_features, double eps, double momentum, bool affine, bool track_running_stats, ScalarType? dtype)
            : base(num_features, eps, momentum, affine, track_running_stats, dtype, nameof(BatchNorm2d)) { }

        /// <inheritdoc/>
        protected override void ValidateInputDimensions(Tensor input)
        {
            if (input.ndim != 4)
                throw new ArgumentException($"BatchNorm2d: expected 4D input (got {input.ndim}D input of shape {ShapeString(input._shape)})");
        }
    }
}

namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Batch normalization over (N, C) or (N, C, L) inputs with learnable γ, β and running statistics.</summary>
            /// <param name="num_features">The number of channels C.</param>
            /// <param name="eps">Added to the variance for numerical stability.</param>
            /// <param name="momentum">The running statistics' update rate.</param>
            /// <param name="affine">Whether to learn a per-channel scale and shift.</param>
            /// <param name="track_running_stats">Whether to keep running statistics for evaluation mode.</param>
            /// <param name="device">The device (CPU only).</param>
            /// <param name="dtype">The parameters' dtype (default: the default dtype).</param>
            public static BatchNorm1d BatchNorm1d(long num_features, double eps = 1e-05, double momentum = 0.1, bool affine = true,
                bool track_running_stats = true, Device? device = null, ScalarType? dtype = null) =>
                new(num_features, eps, momentum, affine, track_running_stats, dtype);

            /// <summary>Batch normalization over (N, C, H, W) inputs with learnable γ, β and running statistics.</summary>
            /// <param name="num_features">The number of channels C.</param>
            /// <param name="eps">Added to the variance for numerical stability.</param>
            /// <param name="momentum">The running statistics' update rate.</param>
            /// <param name="affine">Whether to learn a per-channel scale and shift.</param>
            /// <param name="track_running_stats">Whether to keep running statistics for evaluation mode.</param>
            /// <param name="device">The device (CPU only).</param>
            /// <param name="dtype">The parameters' dtype (default: the default dtype).</param>
            public static BatchNorm2d BatchNorm2d(long num_features, double eps = 1e-05, double momentum = 0.1, bool affine = true,
                bool track_running_stats = true, Device? device = null, ScalarType? dtype = null) =>
                new(num_features, eps, momentum, affine, track_running_stats, dtype);
        }
    }
}
