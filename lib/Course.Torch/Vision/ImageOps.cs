namespace Course.Torch;

using static torch;

public static partial class torchvision
{
    /// <summary>
    /// Per-plane image kernels shared by the transforms. An image is [..., H, W]; every H×W plane is processed
    /// independently in float32, and the result converted back to the input's dtype.
    /// </summary>
    internal static class ImageOps
    {
        /// <summary>Fills one output plane (<paramref name="channel"/> is the plane's index along dim -3) from one input plane.</summary>
        public delegate void PlaneFn(int channel, ReadOnlySpan<float> src, int height, int width, Span<float> dst);

        public static Tensor Map(Tensor image, int outHeight, int outWidth, PlaneFn fn)
        {
            if (image.ndim < 2) throw new ArgumentException($"Expected an image of shape [..., H, W], got {ShapeString(image._shape)}");
            var shape = image.shape;
            int h = (int)shape[^2], w = (int)shape[^1];
            int channels = image.ndim >= 3 ? (int)shape[^3] : 1;
            var src = image.detach().to(ScalarType.Float32).contiguous();
            var srcData = src.Span<float>();
            shape[^2] = outHeight;
            shape[^1] = outWidth;
            var result = Tensor.Empty(shape, ScalarType.Float32);
            var dstData = result.Span<float>();
            int planes = h * w == 0 ? 0 : srcData.Length / (h * w);
            for (int p = 0; p < planes; p++)
                fn(p % channels, srcData.Slice(p * h * w, h * w), h, w, dstData.Slice(p * outHeight * outWidth, outHeight * outWidth));
            return Restore(result, image.dtype);
        }

        /// <summary>Back to the input's dtype; integer images are rounded and clamped to their range (0..255 for bytes).</summary>
        public static Tensor Restore(Tensor result, ScalarType dtype) => dtype switch
        {
            ScalarType.Float32 => result,
            ScalarType.Float64 => result.to(dtype),
            ScalarType.Byte => result.round().clamp(0, 255).to(dtype),
            _ => result.round().to(dtype),
        };

        /// <summary>The window [top, top+height) × [left, left+width); positions outside the image read as 0.</summary>
        public static Tensor Crop(Tensor image, int top, int left, int height, int width) =>
            Map(image, height, width, (_, src, h, w, dst) =>
            {
                for (int y = 0; y < height; y++)
                    for (int x = 0; x < width; x++)
                    {
                        int sy = top + y, sx = left + x;
                        dst[y * width + x] = sy >= 0 && sy < h && sx >= 0 && sx < w ? src[sy * w + sx] : 0f;
                    }
            });

        /// <summary>
        /// Resizes with PyTorch's align_corners=False convention: output pixel i samples the input at
        /// s = (i + 0.5)·in/out − 0.5 (bilinear, s clamped at 0; taps i0 = ⌊s⌋, i1 = min(i0+1, in−1), weights 1−λ, λ with λ = s − i0),
        /// or at ⌊i·in/out⌋ (nearest). No antialiasing, like torchvision's tensor path with antialias=False.
        /// </summary>
        public static Tensor Resize(Tensor image, int height, int width, InterpolationMode mode)
        {
            if (height <= 0 || width <= 0) throw new ArgumentException($"Resize needs a positive size, got {height}x{width}");
            if (mode is not (InterpolationMode.Nearest or InterpolationMode.Bilinear))
                throw new NotSupportedException($"Resize supports Nearest and Bilinear interpolation, not {mode}.");
            return Map(image, height, width, (_, src, h, w, dst) =>
            {
                var (y0, y1, ly) = Taps(h, height, mode);
                var (x0, x1, lx) = Taps(w, width, mode);
                for (int y = 0; y < height; y++)
                    for (int x = 0; x < width; x++)
                    {
                        float top = src[y0[y] * w + x0[x]] * (1 - lx[x]) + src[y0[y] * w + x1[x]] * lx[x];
                        float bottom = src[y1[y] * w + x0[x]] * (1 - lx[x]) + src[y1[y] * w + x1[x]] * lx[x];
                        dst[y * width + x] = top * (1 - ly[y]) + bottom * ly[y];
                    }
            });
        }

        static (int[] i0, int[] i1, float[] lambda) Taps(int inSize, int outSize, InterpolationMode mode)
        {
            var (i0, i1, lambda) = (new int[outSize], new int[outSize], new float[outSize]);
            float scale = (float)inSize / outSize;
            for (int i = 0; i < outSize; i++)
            {
                if (mode == InterpolationMode.Nearest)
                {
                    i0[i] = i1[i] = Math.Min((int)MathF.Floor(i * scale), inSize - 1);
                    continue;
                }
                float s = MathF.Max((i + 0.5f) * scale - 0.5f, 0f);
                i0[i] = Math.Min((int)s, inSize - 1);
                i1[i] = Math.Min(i0[i] + 1, inSize - 1);
                lambda[i] = s - i0[i];
            }
            return (i0, i1, lambda);
        }

        /// <summary>Reverses the last (<paramref name="dim"/> = -1) or second-last (-2) dimension.</summary>
        public static Tensor Flip(Tensor image, int dim)
        {
            long n = image.shape[^(-dim)];
            var reversed = tensor(Enumerable.Range(0, (int)n).Select(i => n - 1 - i).ToArray());
            return image.index_select(dim, reversed);
        }

        /// <summary>A uniform draw in [low, high) from torch's default generator (so torch.manual_seed repeats augmentations).</summary>
        public static double Uniform(double low = 0, double high = 1)
        {
            var g = Generator.Default;
            lock (g.Lock) return low + (high - low) * g.NextDouble();
        }

        /// <summary>A uniform integer in [0, n] (inclusive) from the default generator.</summary>
        public static int Below(int inclusiveMax)
        {
            var g = Generator.Default;
            lock (g.Lock) return (int)g.NextBelow((ulong)inclusiveMax + 1);
        }
    }
}
