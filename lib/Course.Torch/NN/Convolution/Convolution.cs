using static Course.Torch.torch;

namespace Course.Torch.Modules;

/// <summary>
/// What Conv1d, Conv2d and ConvTranspose2d share: weight [out, in/groups, k…] (transposed: [in, out/groups, k…]),
/// optional bias [out], and PyTorch's default initialization: kaiming_uniform_(a = √5), which is uniform(±1/√fan_in),
/// for the weight and uniform(±1/√fan_in) for the bias, fan_in = weight.size(1)·Π kernel.
/// </summary>
public abstract class Convolution : nn.Module<Tensor, Tensor>
{
    /// <summary>The learnable kernel.</summary>
    public Parameter weight;

    /// <summary>The learnable per-output-channel offset, or null without bias.</summary>
    public Parameter? bias;

    /// <summary>Stores the settings and creates the weight ([out, in/groups, k…], or [in, out/groups, k…] when <paramref name="transposed"/>) and bias.</summary>
    protected Convolution(string name, long in_channels, long out_channels, long[] kernel_size, long[] stride, long[] padding, long[] dilation,
        Padding? padding_type, PaddingModes padding_mode, long groups, bool bias, ScalarType? dtype, bool transposed) : base(name)
    {
        if (groups < 1 || in_channels % groups != 0) throw new ArgumentException($"in_channels ({in_channels}) must be divisible by groups ({groups})");
        if (out_channels % groups != 0) throw new ArgumentException($"out_channels ({out_channels}) must be divisible by groups ({groups})");
        if (padding_type == Padding.Same && stride.Any(s => s != 1)) throw new ArgumentException("padding='same' is not supported for strided convolutions");
        this.in_channels = in_channels;
        this.out_channels = out_channels;
        this.kernel_size = kernel_size;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.padding_type = padding_type;
        this.padding_mode = padding_mode;
        this.groups = groups;
        long[] shape = transposed ? [in_channels, out_channels / groups, .. kernel_size] : [out_channels, in_channels / groups, .. kernel_size];
        long fanIn = shape[1] * kernel_size.Aggregate(1L, (a, b) => a * b);
        double bound = 1 / Math.Sqrt(fanIn);
        var type = dtype ?? ScalarType.Float32;
        weight = nn.Parameter(empty(shape, type).uniform_(-bound, bound));
        this.bias = bias ? nn.Parameter(empty([out_channels], type).uniform_(-bound, bound)) : null;
        RegisterComponents();
    }

    /// <summary>Channels expected in the input.</summary>
    public long in_channels { get; }

    /// <summary>Channels produced.</summary>
    public long out_channels { get; }

    /// <summary>Kernel size per spatial dim.</summary>
    public long[] kernel_size { get; }

    /// <summary>Stride per spatial dim.</summary>
    public long[] stride { get; }

    /// <summary>Padding per spatial dim (ignored when <see cref="padding_type"/> is set).</summary>
    public long[] padding { get; }

    /// <summary>Dilation per spatial dim.</summary>
    public long[] dilation { get; }

    /// <summary><see cref="Padding.Same"/> / <see cref="Padding.Valid"/> when given instead of numbers.</summary>
    public Padding? padding_type { get; }

    /// <summary>How the border is padded: zeros, or reflect / replicate / circular through <c>nn.functional.pad</c>.</summary>
    public PaddingModes padding_mode { get; }

    /// <summary>Channel groups: each output group sees only its input group.</summary>
    public long groups { get; }

    /// <summary>For non-zero padding modes: pads explicitly (last dim first, as <c>pad</c> expects) and returns the input.</summary>
    protected Tensor PadInput(Tensor input)
    {
        if (padding_mode == PaddingModes.Zeros || padding_type is not null) return input;
        var pads = new long[2 * padding.Length];
        for (int i = 0; i < padding.Length; i++) pads[2 * i] = pads[2 * i + 1] = padding[padding.Length - 1 - i];
        return nn.functional.pad(input, pads, padding_mode);
    }

    /// <summary>The padding passed to the functional form: zero once <see cref="PadInput"/> has padded.</summary>
    protected long[] ConvPadding => padding_mode == PaddingModes.Zeros ? padding : new long[padding.Length];
}

/// <summary>1-D convolution over [N, C, L]: y = conv1d(x, weight, bias).</summary>
public sealed class Conv1d : Convolution
{
    internal Conv1d(long in_channels, long out_channels, long kernel_size, long stride, long padding, Padding? padding_type, long dilation,
        PaddingModes padding_mode, long groups, bool bias, ScalarType? dtype)
        : base(nameof(Conv1d), in_channels, out_channels, [kernel_size], [stride], [padding], [dilation], padding_type, padding_mode, groups, bias, dtype, false) { }

    /// <summary>y = conv1d(x, weight, bias) with this layer's settings.</summary>
    public override Tensor forward(Tensor input) => padding_type is { } p
        ? nn.functional.conv1d_padding(input, weight, bias, stride[0], p, dilation[0], groups)
        : nn.functional.conv1d(PadInput(input), weight, bias, stride[0], ConvPadding[0], dilation[0], groups);
}

/// <summary>2-D convolution over [N, C, H, W]: y = conv2d(x, weight, bias).</summary>
public sealed class Conv2d : Convolution
{
    internal Conv2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long) stride, (long, long) padding, Padding? padding_type,
        (long, long) dilation, PaddingModes padding_mode, long groups, bool bias, ScalarType? dtype)
        : base(nameof(Conv2d), in_channels, out_channels, [kernel_size.Item1, kernel_size.Item2], [stride.Item1, stride.Item2],
            [padding.Item1, padding.Item2], [dilation.Item1, dilation.Item2], padding_type, padding_mode, groups, bias, dtype, false) { }

    /// <summary>y = conv2d(x, weight, bias) with this layer's settings.</summary>
    public override Tensor forward(Tensor input) => padding_type is { } p
        ? nn.functional.conv2d_padding(input, weight, bias, stride, p, dilation, groups)
        : nn.functional.conv2d(PadInput(input), weight, bias, stride, ConvPadding, dilation, groups);
}

/// <summary>Transposed 2-D convolution ("deconvolution", learnable upsampling): y = conv_transpose2d(x, weight, bias).</summary>
public sealed class ConvTranspose2d : Convolution
{
    internal ConvTranspose2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long) stride, (long, long) padding,
        (long, long) output_padding, (long, long) dilation, PaddingModes padding_mode, long groups, bool bias, ScalarType? dtype)
        : base(nameof(ConvTranspose2d), in_channels, out_channels, [kernel_size.Item1, kernel_size.Item2], [stride.Item1, stride.Item2],
            [padding.Item1, padding.Item2], [dilation.Item1, dilation.Item2], null, padding_mode, groups, bias, dtype, true)
    {
        if (padding_mode != PaddingModes.Zeros) throw new ArgumentException("Only \"zeros\" padding mode is supported for ConvTranspose2d");
        this.output_padding = [output_padding.Item1, output_padding.Item2];
    }

    /// <summary>Extra rows/columns added on one side of the output, to pick among the input sizes a strided conv maps to the same size.</summary>
    public long[] output_padding { get; }

    /// <summary>y = conv_transpose2d(x, weight, bias) with this layer's settings.</summary>
    public override Tensor forward(Tensor input) =>
        nn.functional.conv_transpose2d(input, weight, bias, stride, padding, output_padding, dilation, groups);
}
