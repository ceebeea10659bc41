using static Course.Torch.torch;

namespace Course.Torch
{
    /// <summary>How <c>grid_sample</c> reads the input between pixel centres.</summary>
    public enum GridSampleMode
    {
        /// <summary>The nearest pixel (rounding half to even).</summary>
        Nearest = 0,
        /// <summary>Bilinear interpolation of the four surrounding pixels.</summary>
        Bilinear = 1,
        /// <summary>Bicubic interpolation (not supported by Course.Torch).</summary>
        Bicubic = 2,
    }

    /// <summary>What <c>grid_sample</c> reads outside the input.</summary>
    public enum GridSamplePaddingMode
    {
        /// <summary>Zeros.</summary>
        Zeros = 0,
        /// <summary>The nearest border pixel (coordinates clamped into the image).</summary>
        Border = 1,
        /// <summary>Reflections of the image (not supported by Course.Torch).</summary>
        Reflection = 2,
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static partial class functional
            {
                /// <summary>
                /// The sampling grid of a batch of 2-D affine transforms: for every output pixel (x, y) in normalized
                /// coordinates [−1, 1], grid = θ · (x, y, 1). With <paramref name="align_corners"/> −1 and 1 are the corner
                /// pixels' centres; otherwise they are the image's outer edges.
                /// </summary>
                /// <param name="theta">The transforms, shape (N, 2, 3).</param>
                /// <param name="size">The output size (N, C, H, W).</param>
                /// <param name="align_corners">Whether ±1 refer to the corner pixels' centres.</param>
                /// <returns>The grid, shape (N, H, W, 2), last dimension (x, y).</returns>
                /// <exception cref="ArgumentException">When the size is not 4-D or θ is not (N, 2, 3).</exception>
                public static Tensor affine_grid(Tensor theta, long[]? size = null, bool align_corners = false)
                {
                    if (size is not { Length: 4 })
                        throw new ArgumentException($"affine_grid only supports 4D sizes (N, C, H, W), got size {(size is null ? "null" : ShapeString(size))}");
                    long n = size[0], h = size[2], w = size[3];
                    if (!theta._shape.AsSpan().SequenceEqual(new[] { n, 2L, 3L }))
                        throw new ArgumentException($"Expected a batch of 2D affine matrices of shape Nx2x3 for size {ShapeString(size)}. Got {ShapeString(theta._shape)}.");
                    var xs = LinspaceFromNegOne(w, align_corners, theta.dtype).view(1, w).expand(h, w);
                    var ys = LinspaceFromNegOne(h, align_corners, theta.dtype).view(h, 1).expand(h, w);
                    var baseGrid = stack([xs, ys, ones(h, w, theta.dtype)], -1).reshape(1, h * w, 3).expand(n, h * w, 3);
                    return baseGrid.matmul(theta.transpose(1, 2)).view(n, h, w, 2);
                }

                /// <summary>Pixel centres in normalized coordinates: linspace(−1, 1, steps), shrunk by (steps − 1)/steps unless corners align.</summary>
                static Tensor LinspaceFromNegOne(long steps, bool align_corners, ScalarType dtype)
                {
                    if (steps <= 1) return zeros(steps, dtype);
                    var points = linspace(-1, 1, steps, dtype);
                    return align_corners ? points : points * ((steps - 1) / (double)steps);
                }

                /// <summary>
                /// Samples <paramref name="input"/> (N, C, H, W) at the normalized positions <paramref name="grid"/>
                /// (N, Hₒ, Wₒ, 2), last dimension (x, y) in [−1, 1]. A position maps to pixel coordinates
                /// ix = (x + 1)/2 · (W − 1) with aligned corners, else ((x + 1)·W − 1)/2. Bilinear mode blends the four
                /// neighbours with weights (1 − |ix − px|)(1 − |iy − py|), so gradients flow to the input (through the
                /// gathered values) and to the grid (through the weights). Out-of-image pixels read zero, or with border
                /// padding the coordinates are clamped into the image first.
                /// </summary>
                /// <exception cref="ArgumentException">For shapes other than (N, C, H, W) and (N, Hₒ, Wₒ, 2) with matching N.</exception>
                /// <exception cref="NotSupportedException">For bicubic mode or reflection padding.</exception>
                public static Tensor grid_sample(Tensor input, Tensor grid, GridSampleMode mode = GridSampleMode.Bilinear,
                    GridSamplePaddingMode padding_mode = GridSamplePaddingMode.Zeros, bool? align_corners = null)
                {
                    if (input.ndim != 4 || grid.ndim != 4 || grid._shape[3] != 2 || grid._shape[0] != input._shape[0])
                        throw new ArgumentException($"grid_sample: expected input (N, C, H, W) and grid (N, H_out, W_out, 2), got input {ShapeString(input._shape)} and grid {ShapeString(grid._shape)}");
                    if (mode == GridSampleMode.Bicubic || padding_mode == GridSamplePaddingMode.Reflection)
                        throw new NotSupportedException($"grid_sample: mode {mode} with padding {padding_mode} is not supported; use Bilinear or Nearest with Zeros or Border.");
                    bool align = align_corners ?? false;
                    long n = input._shape[0], c = input._shape[1], h = input._shape[2], w = input._shape[3];
                    long ho = grid._shape[1], wo = grid._shape[2];
                    var ix = Unnormalize(grid.select(3, 0), w, align, padding_mode);
                    var iy = Unnormalize(grid.select(3, 1), h, align, padding_mode);
                    var flat = input.reshape(n, c, h * w);

                    // The input at integer pixels (px, py), zero where they fall outside the image; shape (N, C, Hₒ, Wₒ).
                    Tensor Pixels(Tensor px, Tensor py, out Tensor inside)
                    {
                        inside = px.ge(0).logical_and(px.le(w - 1)).logical_and(py.ge(0)).logical_and(py.le(h - 1));
                        var index = (py.clamp(0, h - 1) * w + px.clamp(0, w - 1)).to(ScalarType.Int64)
                            .view(n, 1, ho * wo).expand(n, c, ho * wo);
                        return flat.gather(2, index).view(n, c, ho, wo);
                    }

                    if (mode == GridSampleMode.Nearest)
                    {
                        var values = Pixels(ix.detach().round(), iy.detach().round(), out var inside);
                        return values * inside.unsqueeze(1).to(input.dtype);
                    }
                    var x0 = ix.detach().floor();
                    var y0 = iy.detach().floor();
                    var wx1 = ix - x0;
                    var wy1 = iy - y0;
                    Tensor? output = null;
                    foreach (var (dx, dy) in new[] { (0, 0), (1, 0), (0, 1), (1, 1) })
                    {
                        var values = Pixels(x0 + dx, y0 + dy, out var inside);
                        var weight = (dx == 1 ? wx1 : 1 - wx1) * (dy == 1 ? wy1 : 1 - wy1) * inside.to(input.dtype);
                        var term = values * weight.unsqueeze(1);
                        output = output is null ? term : output + term;
                    }
                    return output!;
                }

                /// <summary>
                /// Normalized coordinate g ∈ [−1, 1] to pixel coordinate; for border padding clamped into [0, size − 1],
                /// with zero gradient on and beyond the border (as PyTorch).
                /// </summary>
                static Tensor Unnormalize(Tensor g, long size, bool align_corners, GridSamplePaddingMode padding)
                {
                    var pixel = align_corners ? (g + 1) * ((size - 1) / 2.0) : ((g + 1) * size - 1) / 2;
                    if (padding != GridSamplePaddingMode.Border) return pixel;
                    var inside = pixel.gt(0).logical_and(pixel.lt(size - 1));
                    return where(inside, pixel, pixel.detach().clamp(0, size - 1));
                }

                /// <summary>
                /// One-hot encoding of class indices: out[..., k] = 1 where input[...] = k. With
                /// <paramref name="num_classes"/> = −1 the count is max(input) + 1.
                /// </summary>
                /// <returns>An int64 tensor of shape input.shape + [num_classes].</returns>
                /// <exception cref="ArgumentException">For non-int64 input, negative classes or classes ≥ num_classes.</exception>
                public static Tensor one_hot(Tensor x, long num_classes = -1)
                {
                    if (x.dtype != ScalarType.Int64)
                        throw new ArgumentException($"one_hot is only applicable to index tensors of dtype Int64, got {x.dtype}");
                    if (x.numel() == 0)
                    {
                        if (num_classes < 0) throw new ArgumentException("Can not infer total number of classes from empty tensor.");
                    }
                    else
                    {
                        if (x.min().item<long>() < 0) throw new ArgumentException("Class values must be non-negative.");
                        long largest = x.max().item<long>();
                        if (num_classes < 0) num_classes = largest + 1;
                        else if (largest >= num_classes) throw new ArgumentException($"Class values must be smaller than num_classes ({num_classes}), got {largest}.");
                    }
                    return zeros([.. x._shape, num_classes], ScalarType.Int64).scatter_(-1, x.unsqueeze(-1), 1L);
                }

                /// <summary>
                /// Divides by the p-norm along <paramref name="dim"/>: y = x / max(‖x‖ₚ, eps), so every slice has unit norm.
                /// </summary>
                public static Tensor normalize(Tensor input, double p = 2.0, long dim = 1, double eps = 1e-12)
                {
                    var norm = input.abs().pow(p).sum(dim, keepdim: true).pow(1 / p);
                    return input / norm.clamp_min(eps);
                }
            }
        }
    }
}
