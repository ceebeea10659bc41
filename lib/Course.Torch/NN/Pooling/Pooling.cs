using static Course.Torch.torch;

namespace Course.Torch.Modules
{
    /// <summary>1-D max pooling layer over [N, C, L].</summary>
    public sealed class MaxPool1d : nn.Module<Tensor, Tensor>
    {
        internal MaxPool1d(long kernel_size, long? stride, long? padding, long? dilation, bool ceil_mode) : base(nameof(MaxPool1d))
        {
            this.kernel_size = kernel_size;
            this.stride = stride ?? kernel_size;
            this.padding = padding ?? 0;
            this.dilation = dilation ?? 1;
            this.ceil_mode = ceil_mode;
        }

        /// <summary>Window length.</summary>
        public long kernel_size { get; set; }
        /// <summary>Window step (defaults to the kernel size).</summary>
        public long stride { get; set; }
        /// <summary>−∞ padding on both sides.</summary>
        public long padding { get; set; }
        /// <summary>Spacing between window elements.</summary>
        public long dilation { get; set; }
        /// <summary>Round the output size up instead of down.</summary>
        public bool ceil_mode { get; set; }

        /// <summary>The windowed maxima.</summary>
        public override Tensor forward(Tensor input) => nn.functional.max_pool1d(input, kernel_size, stride, padding, dilation, ceil_mode);

        /// <summary>The windowed maxima and the index of each.</summary>
        public (Tensor Values, Tensor Indices) forward_with_indices(Tensor input) =>
            nn.functional.max_pool1d_with_indices(input, kernel_size, stride, padding, dilation, ceil_mode);
    }

    /// <summary>2-D max pooling layer over [N, C, H, W].</summary>
    public sealed class MaxPool2d : nn.Module<Tensor, Tensor>
    {
        internal MaxPool2d(long[] kernel_size, long[]? stride, long[]? padding, long[]? dilation, bool ceil_mode) : base(nameof(MaxPool2d))
        {
            this.kernel_size = kernel_size;
            this.stride = stride ?? kernel_size;
            this.padding = padding ?? [0, 0];
            this.dilation = dilation ?? [1, 1];
            this.ceil_mode = ceil_mode;
        }

        /// <summary>Window size (height, width).</summary>
        public long[] kernel_size { get; set; }
        /// <summary>Window step (defaults to the kernel size).</summary>
        public long[] stride { get; set; }
        /// <summary>−∞ padding on both sides.</summary>
        public long[] padding { get; set; }
        /// <summary>Spacing between window elements.</summary>
        public long[] dilation { get; set; }
        /// <summary>Round the output size up instead of down.</summary>
        public bool ceil_mode { get; set; }

        /// <summary>The windowed maxima.</summary>
        public override Tensor forward(Tensor input) => nn.functional.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode);

        /// <summary>The windowed maxima and the flat index (h·W + w) of each.</summary>
        public (Tensor Values, Tensor Indices) forward_with_indices(Tensor input) =>
            nn.functional.max_pool2d_with_indices(input, kernel_size, stride, padding, dilation, ceil_mode);
    }

    /// <summary>1-D average pooling layer over [N, C, L].</summary>
    public sealed class AvgPool1d : nn.Module<Tensor, Tensor>
    {
        internal AvgPool1d(long kernel_size, long? stride, long padding, bool ceil_mode, bool count_include_pad) : base(nameof(AvgPool1d))
        {
            this.kernel_size = kernel_size;
            this.stride = stride ?? kernel_size;
            this.padding = padding;
            this.ceil_mode = ceil_mode;
            this.count_include_pad = count_include_pad;
        }

        /// <summary>Window length.</summary>
        public long kernel_size { get; set; }
        /// <summary>Window step (defaults to the kernel size).</summary>
        public long stride { get; set; }
        /// <summary>Zero padding on both sides.</summary>
        public long padding { get; set; }
        /// <summary>Round the output size up instead of down.</summary>
        public bool ceil_mode { get; set; }
        /// <summary>Count padded zeros in the divisor.</summary>
        public bool count_include_pad { get; set; }

        /// <summary>The windowed means.</summary>
        public override Tensor forward(Tensor input) => nn.functional.avg_pool1d(input, kernel_size, stride, padding, ceil_mode, count_include_pad);
    }

    /// <summary>2-D average pooling layer over [N, C, H, W].</summary>
    public sealed class AvgPool2d : nn.Module<Tensor, Tensor>
    {
        internal AvgPool2d(long[] kernel_size, long[]? stride, long[]? padding, bool ceil_mode, bool count_include_pad, long? divisor_override) : base(nameof(AvgPool2d))
        {
            this.kernel_size = kernel_size;
            this.stride = stride ?? kernel_size;
            this.padding = padding ?? [0, 0];
            this.ceil_mode = ceil_mode;
            this.count_include_pad = count_include_pad;
            this.divisor_override = divisor_override;
        }

        /// <summary>Window size (height, width).</summary>
        public long[] kernel_size { get; set; }
        /// <summary>Window step (defaults to the kernel size).</summary>
        public long[] stride { get; set; }
        /// <summary>Zero padding on both sides.</summary>
        public long[] padding { get; set; }
        /// <summary>Round the output size up instead of down.</summary>
        public bool ceil_mode { get; set; }
        /// <summary>Count padded zeros in the divisor.</summary>
        public bool count_include_pad { get; set; }
        /// <summary>A fixed divisor instead of the window size.</summary>
        public long? divisor_override { get; set; }

        /// <summary>The windowed means.</summary>
        public override Tensor forward(Tensor input) =>
            nn.functional.avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override);
    }

    /// <summary>Adaptive average pooling to a fixed output size, whatever the input size.</summary>
    public sealed class AdaptiveAvgPool2d : nn.Module<Tensor, Tensor>
    {
        internal AdaptiveAvgPool2d(long[] output_size) : base(nameof(AdaptiveAvgPool2d)) { this.output_size = output_size; }

        /// <summary>The output's (height, width).</summary>
        public long[] output_size { get; set; }

        /// <summary>The adaptive-window means.</summary>
        public override Tensor forward(Tensor input) => nn.functional.adaptive_avg_pool2d(input, output_size);
    }

    /// <summary>Adaptive max pooling to a fixed output size, whatever the input size.</summary>
    public sealed class AdaptiveMaxPool2d : nn.Module<Tensor, Tensor>
    {
        internal AdaptiveMaxPool2d(long[] output_size) : base(nameof(AdaptiveMaxPool2d)) { this.output_size = output_size; }

        /// <summary>The output's (height, width).</summary>
        public long[] output_size { get; set; }

        /// <summary>The adaptive-window maxima.</summary>
        public override Tensor forward(Tensor input) => nn.functional.adaptive_max_pool2d(input, output_size);
    }

    /// <summary>Upsampling layer: <c>nn.functional.interpolate</c> with fixed size or scale factor.</summary>
    public sealed class Upsample : nn.Module<Tensor, Tensor>
    {
        internal Upsample(long[]? size, double[]? scale_factor, UpsampleMode mode, bool? align_corners, bool? recompute_scale_factor) : base(nameof(Upsample))
        {
            this.size = size;
            this.scale_factor = scale_factor;
            this.mode = mode;
            this.align_corners = align_corners;
            this.recompute_scale_factor = recompute_scale_factor;
        }

        /// <summary>Output spatial size, or null to use <see cref="scale_factor"/>.</summary>
        public long[]? size { get; set; }
        /// <summary>Multiplier of the spatial size, or null to use <see cref="size"/>.</summary>
        public double[]? scale_factor { get; set; }
        /// <summary>Nearest or bilinear.</summary>
        public UpsampleMode mode { get; set; }
        /// <summary>Bilinear only: map the corner pixels' centres onto each other.</summary>
        public bool? align_corners { get; set; }
        /// <summary>Recompute the scale from the sizes rather than using the given factor.</summary>
        public bool? recompute_scale_factor { get; set; }

        /// <summary>The resized input.</summary>
        public override Tensor forward(Tensor input) =>
            nn.functional.interpolate(input, size, scale_factor, (InterpolationMode)(int)mode, align_corners, recompute_scale_factor ?? false);
    }
}

namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>1-D max pooling layer.</summary>
            public static Modules.MaxPool1d MaxPool1d(long kernel_size, long? stride = null, long? padding = null, long? dilation = null, bool ceil_mode = false) =>
                new(kernel_size, stride, padding, dilation, ceil_mode);

            /// <summary>2-D max pooling layer with a square window.</summary>
            public static Modules.MaxPool2d MaxPool2d(long kernel_size, long? stride = null, long? padding = null, long? dilation = null, bool ceil_mode = false) =>
                new([kernel_size, kernel_size], stride is { } s ? [s, s] : null, padding is { } p ? [p, p] : null, dilation is { } d ? [d, d] : null, ceil_mode);

            /// <summary>2-D max pooling layer with (height, width) sizes.</summary>
            public static Modules.MaxPool2d MaxPool2d((long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null, (long, long)? dilation = null, bool ceil_mode = false) =>
                new([kernel_size.Item1, kernel_size.Item2], stride is { } s ? [s.Item1, s.Item2] : null, padding is { } p ? [p.Item1, p.Item2] : null,
                    dilation is { } d ? [d.Item1, d.Item2] : null, ceil_mode);

            /// <summary>2-D max pooling layer with size arrays.</summary>
            public static Modules.MaxPool2d MaxPool2d(long[] kernel_size, long[]? stride = null, long[]? padding = null, long[]? dilation = null, bool ceil_mode = false) =>
                new(kernel_size, stride, padding, dilation, ceil_mode);

            /// <summary>1-D average pooling layer.</summary>
            public static Modules.AvgPool1d AvgPool1d(long kernel_size, long? stride = null, long padding = 0, bool ceil_mode = false, bool count_include_pad = true) =>
                new(kernel_size, stride, padding, ceil_mode, count_include_pad);

            /// <summary>2-D average pooling layer with a square window.</summary>
            public static Modules.AvgPool2d AvgPool2d(long kernel_size, long? stride = null, long padding = 0, bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null) =>
                new([kernel_size, kernel_size], stride is { } s ? [s, s] : null, [padding, padding], ceil_mode, count_include_pad, divisor_override);

            /// <summary>2-D average pooling layer with (height, width) sizes.</summary>
            public static Modules.AvgPool2d AvgPool2d((long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null, bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null) =>
                new([kernel_size.Item1, kernel_size.Item2], stride is { } s ? [s.Item1, s.Item2] : null, padding is { } p ? [p.Item1, p.Item2] : null,
                    ceil_mode, count_include_pad, divisor_override);

            /// <summary>2-D average pooling layer with size arrays.</summary>
            public static Modules.AvgPool2d AvgPool2d(long[] kernel_size, long[]? stride = null, long[]? padding = null, bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null) =>
                new(kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override);

            /// <summary>Adaptive average pooling to a square output.</summary>
            public static Modules.AdaptiveAvgPool2d AdaptiveAvgPool2d(long output_size) => new([output_size, output_size]);

            /// <summary>Adaptive average pooling to (height, width).</summary>
            public static Modules.AdaptiveAvgPool2d AdaptiveAvgPool2d((long, long) output_size) => new([output_size.Item1, output_size.Item2]);

            /// <summary>Adaptive average pooling to a size array.</summary>
            public static Modules.AdaptiveAvgPool2d AdaptiveAvgPool2d(long[] output_size) => new(output_size);

            /// <summary>Adaptive max pooling to a square output.</summary>
            public static Modules.AdaptiveMaxPool2d AdaptiveMaxPool2d(long output_size) => new([output_size, output_size]);

            /// <summary>Adaptive max pooling to (height, width).</summary>
            public static Modules.AdaptiveMaxPool2d AdaptiveMaxPool2d((long, long) output_size) => new([output_size.Item1, output_size.Item2]);

            /// <summary>Adaptive max pooling to a size array.</summary>
            public static Modules.AdaptiveMaxPool2d AdaptiveMaxPool2d(long[] output_size) => new(output_size);

            /// <summary>Upsampling layer (nearest or bilinear) to a size or by a scale factor.</summary>
            public static Modules.Upsample Upsample(long[]? size = null, double[]? scale_factor = null, UpsampleMode mode = UpsampleMode.Nearest,
                bool? align_corners = null, bool? recompute_scale_factor = null) =>
                new(size, scale_factor, mode, align_corners, recompute_scale_factor);
        }
    }
}
