namespace Course.Torch;

using static torch;

public static partial class torchvision
{
    public static partial class transforms
    {
        /// <summary>Rotates by an angle drawn uniformly from [−degrees, degrees] (counter-clockwise positive).</summary>
        public static ITransform RandomRotation(double degrees, InterpolationMode interpolation = InterpolationMode.Nearest, bool expand = false, (int, int)? center = null, IList<float>? fill = null) =>
            RandomRotation((-degrees, degrees), interpolation, expand, center, fill);

        /// <summary>
        /// Rotates by an angle θ drawn uniformly from <paramref name="degrees"/>, counter-clockwise, about
        /// <paramref name="center"/> (x, y) or the image centre. Each output pixel p samples the input at
        /// sx = cx + cosθ·dx − sinθ·dy, sy = cy + sinθ·dx + cosθ·dy with (dx, dy) = p − c,
        /// by nearest or bilinear sampling; points outside the image take <paramref name="fill"/> (per channel, default 0).
        /// </summary>
        public static ITransform RandomRotation((double, double) degrees, InterpolationMode interpolation = InterpolationMode.Nearest, bool expand = false, (int, int)? center = null, IList<float>? fill = null)
        {
            if (expand) throw new NotSupportedException("RandomRotation: expand=true is not implemented.");
            if (interpolation is not (InterpolationMode.Nearest or InterpolationMode.Bilinear))
                throw new NotSupportedException($"RandomRotation supports Nearest and Bilinear interpolation, not {interpolation}.");
            return new FunctionTransform(image =>
            {
                double theta = ImageOps.Uniform(degrees.Item1, degrees.Item2) * Math.PI / 180;
                float cos = (float)Math.Cos(theta), sin = (float)Math.Sin(theta);
                int h = (int)image.shape[^2], w = (int)image.shape[^1];
                float cx = center is { } c ? c.Item1 : (w - 1) * 0.5f, cy = center is { } c2 ? c2.Item2 : (h - 1) * 0.5f;
                return ImageOps.Map(image, h, w, (channel, src, _, _, dst) =>
                {
                    float outside = fill is null || fill.Count == 0 ? 0f : fill[Math.Min(channel, fill.Count - 1)];
                    for (int y = 0; y < h; y++)
                        for (int x = 0; x < w; x++)
                        {
                            float dx = x - cx, dy = y - cy;
                            float sx = cx + cos * dx - sin * dy, sy = cy + sin * dx + cos * dy;
                            if (interpolation == InterpolationMode.Nearest)
                            {
                                dst[y * w + x] = At(src, h, w, outside, (int)MathF.Round(sy), (int)MathF.Round(sx));
                                continue;
                            }
                            int x0 = (int)MathF.Floor(sx), y0 = (int)MathF.Floor(sy);
                            float lx = sx - x0, ly = sy - y0;
                            dst[y * w + x] = (At(src, h, w, outside, y0, x0) * (1 - lx) + At(src, h, w, outside, y0, x0 + 1) * lx) * (1 - ly)
                                           + (At(src, h, w, outside, y0 + 1, x0) * (1 - lx) + At(src, h, w, outside, y0 + 1, x0 + 1) * lx) * ly;
                        }
                });
            });
        }

        static float At(ReadOnlySpan<float> src, int h, int w, float outside, int y, int x) =>
            y >= 0 && y < h && x >= 0 && x < w ? src[y * w + x] : outside;
    }
}
