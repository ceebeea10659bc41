namespace Course.Torch;

using static torch;

public static partial class torchvision
{
    public static partial class transforms
    {
        /// <summary>
        /// Resizes to <paramref name="height"/>×<paramref name="width"/>. A negative width (the one-number overload) means
        /// "match the smaller edge to <paramref name="height"/> and keep the aspect ratio", capped by <paramref name="maxSize"/>
        /// on the longer edge. Nearest (TorchSharp's default) or Bilinear with align_corners=False; antialias is not supported.
        /// </summary>
        public static ITransform Resize(int height, int width, InterpolationMode interpolation = InterpolationMode.Nearest, int? maxSize = null, bool antialias = false)
        {
            if (antialias) throw new NotSupportedException("Resize: antialias=true is not implemented; use antialias=false (torchvision's old tensor default).");
            return new FunctionTransform(x =>
            {
                var (h, w) = width > 0 ? (height, width) : SmallerEdge(x.shape[^2], x.shape[^1], height, maxSize);
                return ImageOps.Resize(x, h, w, interpolation);
            });
        }

        /// <summary>Resizes the smaller edge to <paramref name="size"/>, keeping the aspect ratio.</summary>
        public static ITransform Resize(int size, InterpolationMode interpolation = InterpolationMode.Nearest, int? maxSize = null, bool antialias = false) =>
            Resize(size, -1, interpolation, maxSize, antialias);

        /// <summary>Resizes to <paramref name="height"/>×<paramref name="width"/> (nearest).</summary>
        public static ITransform Resize(int height, int width) => Resize(height, width, InterpolationMode.Nearest);

        /// <summary>Resizes the smaller edge to <paramref name="size"/> (nearest).</summary>
        public static ITransform Resize(int size) => Resize(size, -1, InterpolationMode.Nearest);

        /// <summary>torchvision's rule: short edge = size, long edge = ⌊size·long/short⌋, both scaled down if long exceeds maxSize.</summary>
        static (int, int) SmallerEdge(long h, long w, int size, int? maxSize)
        {
            var (shortEdge, longEdge) = h <= w ? (h, w) : (w, h);
            int newShort = size, newLong = (int)(size * longEdge / shortEdge);
            if (maxSize is { } max && newLong > max)
            {
                newShort = (int)(max * newShort / (double)newLong);
                newLong = max;
            }
            return h <= w ? (newShort, newLong) : (newLong, newShort);
        }

        /// <summary>
        /// Crops a random window then resizes it (bilinear) to <paramref name="height"/>×<paramref name="width"/>.
        /// The window's area is a uniform fraction in [scaleMin, scaleMax] of the image's and its aspect ratio is
        /// log-uniform in [ratioMin, ratioMax]; after 10 failed tries the centred window of the clamped ratio is used (torchvision's rule).
        /// </summary>
        public static ITransform RandomResizedCrop(int height, int width, double scaleMin = 0.08, double scaleMax = 1.0, double ratioMin = 0.75, double ratioMax = 1.3333333333333) =>
            new FunctionTransform(x =>
            {
                int h = (int)x.shape[^2], w = (int)x.shape[^1];
                var (top, left, ch, cw) = Window(h, w, scaleMin, scaleMax, ratioMin, ratioMax);
                return ImageOps.Resize(ImageOps.Crop(x, top, left, ch, cw), height, width, InterpolationMode.Bilinear);
            });

        /// <summary>A random crop resized to <paramref name="size"/>×<paramref name="size"/>.</summary>
        public static ITransform RandomResizedCrop(int size, double scaleMin = 0.08, double scaleMax = 1.0, double ratioMin = 0.75, double ratioMax = 1.3333333333333) =>
            RandomResizedCrop(size, size, scaleMin, scaleMax, ratioMin, ratioMax);

        static (int top, int left, int height, int width) Window(int h, int w, double scaleMin, double scaleMax, double ratioMin, double ratioMax)
        {
            double area = h * w;
            for (int attempt = 0; attempt < 10; attempt++)
            {
                double target = area * ImageOps.Uniform(scaleMin, scaleMax);
                double ratio = Math.Exp(ImageOps.Uniform(Math.Log(ratioMin), Math.Log(ratioMax)));
                int cw = (int)Math.Round(Math.Sqrt(target * ratio)), ch = (int)Math.Round(Math.Sqrt(target / ratio));
                if (cw > 0 && ch > 0 && cw <= w && ch <= h)
                    return (ImageOps.Below(h - ch), ImageOps.Below(w - cw), ch, cw);
            }
            double imageRatio = (double)w / h;
            var (fh, fw) = imageRatio < ratioMin ? ((int)Math.Round(w / ratioMin), w)
                : imageRatio > ratioMax ? (h, (int)Math.Round(h * ratioMax)) : (h, w);
            return ((h - fh) / 2, (w - fw) / 2, fh, fw);
        }
    }
}
