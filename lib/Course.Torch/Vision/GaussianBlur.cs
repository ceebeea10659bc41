namespace Course.Torch;

using static torch;

public static partial class torchvision
{
    public static partial class transforms
    {
        /// <summary>
        /// Blurs with a Gaussian kernel of sizes <paramref name="kernelSize"/> = [kx, ky] (odd; x is the width, as torchvision)
        /// and standard deviation <paramref name="sigma"/>. Kernel: k[i] ∝ exp(−x_i² / (2σ²)) at x_i = i − (k−1)/2, normalised to
        /// sum 1; applied separably along W then H with reflect padding of k/2 — the same numbers as torchvision's gaussian_blur.
        /// </summary>
        public static ITransform GaussianBlur(IList<long> kernelSize, float sigma) => GaussianBlur(kernelSize, sigma, sigma);

        /// <summary>Like <see cref="GaussianBlur(IList{long}, float)"/>, with σ drawn uniformly from [min, max] for every call.</summary>
        public static ITransform GaussianBlur(IList<long> kernelSize, float min = 0.1f, float max = 2.0f)
        {
            if (kernelSize is null || kernelSize.Count != 2 || kernelSize.Any(k => k <= 0 || k % 2 == 0))
                throw new ArgumentException($"GaussianBlur: kernel size should be two positive odd numbers, got [{string.Join(", ", kernelSize ?? [])}]");
            if (min <= 0 || min > max) throw new ArgumentException($"GaussianBlur: sigma should be positive with min <= max, got [{min}, {max}]");
            int kx = (int)kernelSize[0], ky = (int)kernelSize[1];
            return new FunctionTransform(image =>
            {
                float sigma = min == max ? min : (float)ImageOps.Uniform(min, max);
                if (image.shape[^2] <= ky / 2 || image.shape[^1] <= kx / 2)
                    throw new ArgumentException($"GaussianBlur: reflect padding of {ky / 2}x{kx / 2} needs a larger image than {ShapeString(image._shape)}");
                float[] wx = Kernel(kx, sigma), wy = Kernel(ky, sigma);
                return ImageOps.Map(image, (int)image.shape[^2], (int)image.shape[^1], (_, src, h, w, dst) =>
                {
                    var rows = new float[h * w];
                    for (int y = 0; y < h; y++)
                        for (int x = 0; x < w; x++)
                        {
                            float s = 0;
                            for (int i = 0; i < kx; i++) s += wx[i] * src[y * w + Reflect(x + i - kx / 2, w)];
                            rows[y * w + x] = s;
                        }
                    for (int y = 0; y < h; y++)
                        for (int x = 0; x < w; x++)
                        {
                            float s = 0;
                            for (int i = 0; i < ky; i++) s += wy[i] * rows[Reflect(y + i - ky / 2, h) * w + x];
                            dst[y * w + x] = s;
                        }
                });
            });
        }

        /// <summary>A square <paramref name="kernel_size"/> Gaussian blur with standard deviation <paramref name="sigma"/>.</summary>
        public static ITransform GaussianBlur(long kernel_size, float sigma) => GaussianBlur([kernel_size, kernel_size], sigma, sigma);

        /// <summary>A square Gaussian blur with σ drawn uniformly from [min, max] per call.</summary>
        public static ITransform GaussianBlur(long kernel_size, float min = 0.1f, float max = 2.0f) => GaussianBlur([kernel_size, kernel_size], min, max);

        /// <summary>A <paramref name="kernelHeight"/>×<paramref name="kernelWidth"/> Gaussian blur.</summary>
        public static ITransform GaussianBlur(long kernelHeight, long kernelWidth, float sigma) => GaussianBlur([kernelWidth, kernelHeight], sigma, sigma);

        static float[] Kernel(int size, float sigma)
        {
            var k = new float[size];
            float half = (size - 1) * 0.5f;
            for (int i = 0; i < size; i++)
            {
                float x = (i - half) / sigma;
                k[i] = MathF.Exp(-0.5f * x * x);
            }
            float sum = k.Sum();
            for (int i = 0; i < size; i++) k[i] /= sum;
            return k;
        }

        /// <summary>Reflect padding without repeating the edge: −1 → 1, n → n − 2.</summary>
        static int Reflect(int i, int n) => i < 0 ? -i : i >= n ? 2 * (n - 1) - i : i;
    }
}
