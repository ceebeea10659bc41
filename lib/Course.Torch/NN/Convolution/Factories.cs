using Course.Torch.Modules;

namespace Course.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>1-D convolution layer: weight [out_channels, in_channels/groups, kernelSize].</summary>
        public static Conv1d Conv1d(long in_channels, long out_channels, long kernelSize, long stride = 1, long padding = 0, long dilation = 1,
            PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new(in_channels, out_channels, kernelSize, stride, padding, null, dilation, padding_mode, groups, bias, dtype);

        /// <summary>1-D convolution layer with <see cref="Padding.Valid"/> or <see cref="Padding.Same"/>.</summary>
        public static Conv1d Conv1d(long in_channels, long out_channels, long kernelSize, Padding padding, long stride = 1, long dilation = 1,
            PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new(in_channels, out_channels, kernelSize, stride, 0, padding, dilation, padding_mode, groups, bias, dtype);

        /// <summary>2-D convolution layer with a square kernel: weight [out_channels, in_channels/groups, k, k].</summary>
        public static Conv2d Conv2d(long in_channels, long out_channels, long kernelSize, long stride = 1, long padding = 0, long dilation = 1,
            PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new(in_channels, out_channels, (kernelSize, kernelSize), (stride, stride), (padding, padding), null, (dilation, dilation), padding_mode, groups, bias, dtype);

        /// <summary>2-D convolution layer with (height, width) sizes.</summary>
        public static Conv2d Conv2d(long in_channels, long out_channels, (long, long) kernelSize, (long, long)? stride = null, (long, long)? padding = null,
            (long, long)? dilation = null, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new(in_channels, out_channels, kernelSize, stride ?? (1, 1), padding ?? (0, 0), null, dilation ?? (1, 1), padding_mode, groups, bias, dtype);

        /// <summary>2-D convolution layer with a square kernel and <see cref="Padding.Valid"/> or <see cref="Padding.Same"/>.</summary>
        public static Conv2d Conv2d(long in_channels, long out_channels, long kernelSize, Padding padding, long stride = 1, long dilation = 1,
            PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new(in_channels, out_channels, (kernelSize, kernelSize), (stride, stride), (0, 0), padding, (dilation, dilation), padding_mode, groups, bias, dtype);

        /// <summary>2-D convolution layer with (height, width) sizes and <see cref="Padding.Valid"/> or <see cref="Padding.Same"/>.</summary>
        public static Conv2d Conv2d(long in_channels, long out_channels, (long, long) kernelSize, Padding padding, (long, long)? stride = null,
            (long, long)? dilation = null, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new(in_channels, out_channels, kernelSize, stride ?? (1, 1), (0, 0), padding, dilation ?? (1, 1), padding_mode, groups, bias, dtype);

        /// <summary>Transposed 2-D convolution layer with a square kernel: weight [in_channels, out_channels/groups, k, k].</summary>
        public static ConvTranspose2d ConvTranspose2d(long in_channels, long out_channels, long kernelSize, long stride = 1, long padding = 0,
            long output_padding = 0, long dilation = 1, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true,
            Device? device = null, ScalarType? dtype = null) =>
            new(in_channels, out_channels, (kernelSize, kernelSize), (stride, stride), (padding, padding), (output_padding, output_padding),
                (dilation, dilation), padding_mode, groups, bias, dtype);

        /// <summary>Transposed 2-D convolution layer with (height, width) sizes.</summary>
        public static ConvTranspose2d ConvTranspose2d(long in_channels, long out_channels, (long, long) kernelSize, (long, long)? stride = null,
            (long, long)? padding = null, (long, long)? output_padding = null, (long, long)? dilation = null, PaddingModes padding_mode = PaddingModes.Zeros,
            long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
            new(in_channels, out_channels, kernelSize, stride ?? (1, 1), padding ?? (0, 0), output_padding ?? (0, 0), dilation ?? (1, 1),
                padding_mode, groups, bias, dtype);
    }
}
