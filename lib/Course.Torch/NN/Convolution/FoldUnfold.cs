using static Course.Torch.torch;

namespace Course.Torch.Modules
{
    /// <summary>im2col layer: [N, C, H, W] → [N, C·kH·kW, L] (see <c>nn.functional.unfold</c>).</summary>
    public sealed class Unfold : nn.Module<Tensor, Tensor>
    {
        readonly (long, long) kernel_size, dilation, padding, stride;

        internal Unfold((long, long) kernel_size, (long, long) dilation, (long, long) padding, (long, long) stride) : base(nameof(Unfold)) =>
            (this.kernel_size, this.dilation, this.padding, this.stride) = (kernel_size, dilation, padding, stride);

        /// <summary>The sliding blocks as columns.</summary>
        public override Tensor forward(Tensor input) => nn.functional.unfold(input, kernel_size, dilation, padding, stride);
    }

    /// <summary>col2im layer: [N, C·kH·kW, L] → [N, C, H, W], summing overlaps (see <c>nn.functional.fold</c>).</summary>
    public sealed class Fold : nn.Module<Tensor, Tensor>
    {
        readonly (long, long) output_size, kernel_size, dilation, padding, stride;

        internal Fold((long, long) output_size, (long, long) kernel_size, (long, long) dilation, (long, long) padding, (long, long) stride) : base(nameof(Fold)) =>
            (this.output_size, this.kernel_size, this.dilation, this.padding, this.stride) = (output_size, kernel_size, dilation, padding, stride);

        /// <summary>The columns summed back into images.</summary>
        public override Tensor forward(Tensor input) => nn.functional.fold(input, output_size, kernel_size, dilation, padding, stride);
    }
}

namespace Course.Torch
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>im2col layer with square sizes.</summary>
            public static Modules.Unfold Unfold(long kernel_size, long dilation = 1, long padding = 0, long stride = 1) =>
                new((kernel_size, kernel_size), (dilation, dilation), (padding, padding), (stride, stride));

            /// <summary>im2col layer with (height, width) sizes.</summary>
            public static Modules.Unfold Unfold((long, long) kernel_size, (long, long)? dilation = null, (long, long)? padding = null, (long, long)? stride = null) =>
                new(kernel_size, dilation ?? (1, 1), padding ?? (0, 0), stride ?? (1, 1));

            /// <summary>col2im layer with square sizes.</summary>
            public static Modules.Fold Fold(long output_size, long kernel_size, long dilation = 1, long padding = 0, long stride = 1) =>
                new((output_size, output_size), (kernel_size, kernel_size), (dilation, dilation), (padding, padding), (stride, stride));

            /// <summary>col2im layer with (height, width) sizes.</summary>
            public static Modules.Fold Fold((long, long) output_size, (long, long) kernel_size, (long, long)? dilation = null, (long, long)? padding = null, (long, long)? stride = null) =>
                new(output_size, kernel_size, dilation ?? (1, 1), padding ?? (0, 0), stride ?? (1, 1));
        }
    }
}
