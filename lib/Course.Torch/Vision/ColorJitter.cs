namespace Course.Torch;

using static torch;

public static partial class torchvision
{
    public static partial class transforms
    {
        /// <summary>
        /// Randomly changes brightness, contrast and saturation of float images in [0, 1] with [C, H, W] or [N, C, H, W]
        /// shape, C = 1 or 3, in that order, each factor drawn uniformly from its [min, max]:
        /// brightness: x·b; contrast: c·x + (1 − c)·mean(gray); saturation: s·x + (1 − s)·gray; each result clamped to [0, 1].
        /// gray = 0.2989 R + 0.587 G + 0.114 B (or the single channel). Hue jitter is not implemented (must be (0, 0)).
        /// </summary>
        public static ITransform ColorJitter((float, float) brightness, (float, float) contrast, (float, float) saturation, (float, float) hue)
        {
            if (hue != (0f, 0f)) throw new NotSupportedException("ColorJitter: hue jitter is not implemented; pass hue = 0.");
            return new FunctionTransform(image =>
            {
                if (image.ndim < 3 || image.shape[^3] is not (1 or 3))
                    throw new ArgumentException($"ColorJitter expects [..., 1 or 3, H, W] images, got {ShapeString(image._shape)}");
                float b = (float)ImageOps.Uniform(brightness.Item1, brightness.Item2);
                float c = (float)ImageOps.Uniform(contrast.Item1, contrast.Item2);
                float s = (float)ImageOps.Uniform(saturation.Item1, saturation.Item2);
                var x = (image * b).clamp(0, 1);
                var mean = Grayscale(x).mean([-3, -2, -1], keepdim: true);
                x = (x * c + mean * (1 - c)).clamp(0, 1);
                return (x * s + Grayscale(x) * (1 - s)).clamp(0, 1);
            });
        }

        /// <summary>Factors drawn from [max(0, 1 − brightness), 1 + brightness] and likewise for contrast and saturation.</summary>
        public static ITransform ColorJitter(float brightness = 0, float contrast = 0, float saturation = 0, float hue = 0) =>
            ColorJitter((MathF.Max(0, 1 - brightness), 1 + brightness), (MathF.Max(0, 1 - contrast), 1 + contrast),
                (MathF.Max(0, 1 - saturation), 1 + saturation), (-hue, hue));

        /// <summary>Luma with ITU-R 601 weights, keeping a channel dimension of 1.</summary>
        static Tensor Grayscale(Tensor x) => x.shape[^3] == 1 ? x
            : x.narrow(-3, 0, 1) * 0.2989 + x.narrow(-3, 1, 1) * 0.587 + x.narrow(-3, 2, 1) * 0.114;
    }
}
