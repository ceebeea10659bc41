namespace Course.Torch;

/// <summary>Resampling methods for <c>nn.functional.interpolate</c> (nearest and bilinear are implemented).</summary>
public enum InterpolationMode
{
    /// <summary>Copy the nearest source pixel: src = ⌊dst · in/out⌋.</summary>
    Nearest = 0,
    /// <summary>1-D linear (not implemented).</summary>
    Linear = 1,
    /// <summary>Weighted mean of the 4 surrounding pixels.</summary>
    Bilinear = 2,
    /// <summary>Bicubic (not implemented).</summary>
    Bicubic = 3,
    /// <summary>Trilinear (not implemented).</summary>
    Trilinear = 4,
}

/// <summary>Resampling methods for <c>nn.Upsample</c>.</summary>
public enum UpsampleMode
{
    /// <summary>Copy the nearest source pixel.</summary>
    Nearest = 0,
    /// <summary>1-D linear (not implemented).</summary>
    Linear = 1,
    /// <summary>Weighted mean of the 4 surrounding pixels.</summary>
    Bilinear = 2,
    /// <summary>Bicubic (not implemented).</summary>
    Bicubic = 3,
    /// <summary>Trilinear (not implemented).</summary>
    Trilinear = 4,
}

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Pads the last dimensions: <paramref name="pad"/> = (left, right) for the last dim, then (top, bottom) for the one
            /// before, and so on. Constant fills with <paramref name="value"/> (negative pads crop); Reflect mirrors without
            /// repeating the edge; Replicate repeats the edge; Circular wraps around.
            /// </summary>
            /// <exception cref="ArgumentException">For an odd-length pad, too many pairs, or reflect padding ≥ the input size.</exception>
            public static Tensor pad(Tensor input, long[] pad, PaddingModes mode = PaddingModes.Constant, double value = 0)
            {
                if (pad.Length % 2 != 0 || pad.Length / 2 > input.ndim)
                    throw new ArgumentException($"Padding length must be divisible by 2 and at most twice the number of dimensions of the input, but got pad of length {pad.Length} for input of size {ShapeString(input._shape)}");
                return mode is PaddingModes.Constant or PaddingModes.Zeros
                    ? ConstantPad(input, pad, mode == PaddingModes.Zeros ? 0 : value)
                    : IndexPad(input, pad, mode);
            }

            /// <summary>Constant padding. Backward: the gradient of the kept region, dx = narrow(dy).</summary>
            static Tensor ConstantPad(Tensor input, long[] pad, double value)
            {
                var x = input;
                var shape = input.shape;
                for (int i = 0; i < pad.Length / 2; i++)
                {
                    int dim = (int)input.ndim - 1 - i;
                    long left = pad[2 * i], right = pad[2 * i + 1];
                    // Negative pads crop first, so only the non-negative part remains.
                    x = x.narrow(dim, Math.Max(0, -left), x.size(dim) + Math.Min(0, left) + Math.Min(0, right));
                    shape[dim] = input.size(dim) + left + right;
                    if (shape[dim] < 0) throw new ArgumentException($"The input size {input.size(dim)}, plus negative padding {left} and {right} resulted in a negative output size {shape[dim]}");
                }
                var result = full(shape, value, input.dtype);
                var inner = Region(result, pad);
                using (no_grad()) inner.copy_(x.detach());
                return result.WithGrad("ConstantPadNdBackward0", [x], g => [Region(g, pad)]);

                static Tensor Region(Tensor t, long[] pad)
                {
                    for (int i = 0; i < pad.Length / 2; i++)
                    {
                        int dim = (int)t.ndim - 1 - i;
                        long left = Math.Max(0, pad[2 * i]), right = Math.Max(0, pad[2 * i + 1]);
                        t = t.narrow(dim, left, t.size(dim) - left - right);
                    }
                    return t;
                }
            }

            /// <summary>Reflect / replicate / circular padding as a gather of source indices along each padded dim
            /// (index_select, so the backward is index_add: padded copies send their gradient back to their source).</summary>
            static Tensor IndexPad(Tensor input, long[] pad, PaddingModes mode)
            {
                var x = input;
                for (int i = 0; i < pad.Length / 2; i++)
                {
                    int dim = (int)input.ndim - 1 - i;
                    long n = input.size(dim), left = pad[2 * i], right = pad[2 * i + 1];
                    if (mode == PaddingModes.Reflect && (left >= n || right >= n))
                        throw new ArgumentException($"Argument #4: Padding size should be less than the corresponding input dimension, but got: padding ({left}, {right}) at dimension {dim} of input {ShapeString(input._shape)}");
                    if (mode == PaddingModes.Circular && (left > n || right > n))
                        throw new ArgumentException($"Padding value causes wrapping around more than once: padding ({left}, {right}) at dimension {dim} of input {ShapeString(input._shape)}");
                    var index = new long[n + left + right];
                    for (long o = 0; o < index.Length; o++)
                    {
                        long j = o - left;
                        index[o] = mode switch
                        {
                            PaddingModes.Reflect => j < 0 ? -j : j >= n ? 2 * (n - 1) - j : j,
                            PaddingModes.Replicate => Math.Clamp(j, 0, n - 1),
                            PaddingModes.Circular => ((j % n) + n) % n,
                            _ => throw new ArgumentException($"Unsupported padding mode {mode}"),
                        };
                    }
                    x = x.index_select(dim, tensor(index));
                }
                return x;
            }

            /// <summary>
            /// Resizes the spatial dims of [N, C, L] or [N, C, H, W] to <paramref name="size"/> (or in·<paramref name="scale_factor"/>).
            /// Nearest: src = min(⌊dst·scale⌋, in − 1). Bilinear: src = (dst + ½)·scale − ½ clamped at 0, or dst·(in − 1)/(out − 1)
            /// with align_corners; the output mixes the two neighbours ⌊src⌋ and ⌊src⌋ + 1 by the fractional part.
            /// scale = in/out, or 1/scale_factor when a factor is given (and not recomputed).
            /// Built from index_select and products, so gradients flow back to the sampled pixels.
            /// </summary>
            /// <exception cref="ArgumentException">For a wrong number of sizes, neither/both of size and scale_factor, or an unsupported mode.</exception>
            public static Tensor interpolate(Tensor x, long[]? size = null, double[]? scale_factor = null, InterpolationMode mode = InterpolationMode.Nearest,
                bool? align_corners = null, bool recompute_scale_factor = false)
            {
                int spatial = (int)x.ndim - 2;
                if (spatial < 1 || spatial > 2)
                    throw new ArgumentException($"interpolate supports 3-D and 4-D inputs, but got input of size {ShapeString(x._shape)}");
                if ((size is null) == (scale_factor is null))
                    throw new ArgumentException("only one of size or scale_factor should be defined");
                if (mode != InterpolationMode.Nearest && mode != InterpolationMode.Bilinear)
                    throw new ArgumentException($"interpolate: mode {mode} is not implemented (nearest and bilinear are)");
                if (mode == InterpolationMode.Bilinear && spatial != 2)
                    throw new ArgumentException($"Got {x.ndim}D input, but bilinear mode needs 4D input");
                if (mode == InterpolationMode.Nearest && align_corners is not null)
                    throw new ArgumentException("align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear");
                int count = size?.Length ?? scale_factor!.Length;
                if (count != 1 && count != spatial)
                    throw new ArgumentException($"Input and output must have the same number of spatial dimensions, but got input with spatial dimensions of {ShapeString(x._shape[2..])} and output size of {count} values");
                for (int a = 0; a < spatial; a++)
                {
                    int dim = 2 + a;
                    long inSize = x.size(dim);
                    double? factor = scale_factor is null ? null : scale_factor[scale_factor.Length == 1 ? 0 : a];
                    long outSize = size is not null ? size[size.Length == 1 ? 0 : a] : (long)Math.Floor(inSize * factor!.Value);
                    double scale = factor is not null && !recompute_scale_factor ? 1 / factor.Value : (double)inSize / outSize;
                    x = mode == InterpolationMode.Nearest
                        ? x.index_select(dim, tensor(Enumerable.Range(0, (int)outSize).Select(o => Math.Min((long)Math.Floor(o * scale), inSize - 1)).ToArray()))
                        : Linear(x, dim, inSize, outSize, scale, align_corners ?? false);
                }
                return x;
            }

            /// <summary>Linear resampling along one dim: out[o] = (1 − λ)·in[i0] + λ·in[i1].</summary>
            static Tensor Linear(Tensor x, int dim, long inSize, long outSize, double scale, bool alignCorners)
            {
                var i0 = new long[outSize];
                var i1 = new long[outSize];
                var lambda = new double[outSize];
                for (long o = 0; o < outSize; o++)
                {
                    double src = alignCorners
                        ? (outSize > 1 ? o * (double)(inSize - 1) / (outSize - 1) : 0)
                        : Math.Max(0, (o + 0.5) * scale - 0.5);
                    i0[o] = Math.Min((long)Math.Floor(src), inSize - 1);
                    i1[o] = Math.Min(i0[o] + 1, inSize - 1);
                    lambda[o] = src - i0[o];
                }
                var shape = Enumerable.Repeat(1L, (int)x.ndim).ToArray();
                shape[dim] = outSize;
                var l = tensor(lambda).to(x.dtype).view(shape);
                return x.index_select(dim, tensor(i0)) * (1 - l) + x.index_select(dim, tensor(i1)) * l;
            }
        }
    }
}
