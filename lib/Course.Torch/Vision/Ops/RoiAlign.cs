using System.Numerics;
using static Course.Torch.torch;

namespace Course.Torch;

public static partial class torchvision
{
    public static partial class ops
    {
        /// <summary>
        /// RoI Align (Mask R-CNN): average of bilinearly interpolated samples on a regular grid in each output bin.
        /// A box (x1, y1, x2, y2) maps to the feature map as s·x − o with s = spatial_scale, o = 0.5 when aligned
        /// (pixel centres at half-integers) and o = 0 otherwise (legacy, PyTorch's default; then width and height are
        /// also raised to at least 1). Each of the output_size bins gets a grid of
        /// gh × gw samples, g = sampling_ratio when &gt; 0, else adaptive: g = ceil(roi_size / output_size).
        /// Sample (iy, ix) of bin (ph, pw) sits at y = y1 + ph·bin_h + (iy + 0.5)·bin_h / gh (likewise x).
        /// Bilinear interpolation: with y_low = ⌊y⌋, ly = y − y_low, hy = 1 − ly (likewise x),
        /// v = hy·hx·I[y_low, x_low] + hy·lx·I[y_low, x_high] + ly·hx·I[y_high, x_low] + ly·lx·I[y_high, x_high];
        /// samples beyond one pixel outside the map contribute 0, coordinates in [−1, 0] clamp to 0 and those past
        /// the last row/column clamp to it. The bin's value is Σ v / max(gh·gw, 1).
        /// Backward: each sample's gradient flows to its four pixels with the same bilinear weights (none to boxes).
        /// </summary>
        /// <param name="input">[N, C, H, W] feature map (float32 or float64).</param>
        /// <param name="boxes">Tensor [K, 5] of (batch index, x1, y1, x2, y2), or a list of Tensor [L, 4] (one per batch element).</param>
        /// <param name="output_size">Bins per RoI: an int or a (height, width) pair.</param>
        /// <param name="spatial_scale">Box coordinates are multiplied by this (e.g. 0.5 for a feature map at half the image size).</param>
        /// <param name="sampling_ratio">Samples per bin side; &lt;= 0 means adaptive.</param>
        /// <param name="aligned">Shift boxes by −0.5 pixel (Detectron2's alignment).</param>
        /// <returns>[K, C, output_height, output_width].</returns>
        /// <exception cref="ArgumentException">On a wrong input or boxes shape, or a batch index out of range.</exception>
        public static Tensor roi_align(Tensor input, object boxes, object output_size, float spatial_scale = 1.0f, long sampling_ratio = -1, bool aligned = false)
        {
            var rois = RoiRows("roi_align", input, boxes);
            var (ph, pw) = PoolSize("roi_align", output_size);
            var s = input.shape;
            long[] outShape = [rois.shape[0], s[1], ph, pw];
            return RunPlan(input, rois, outShape, "RoiAlignBackward0",
                (_, r) => AlignPlan(r, s, ph, pw, spatial_scale, sampling_ratio, aligned),
                (_, r) => AlignPlan(r, s, ph, pw, spatial_scale, sampling_ratio, aligned));
        }

        static RoiPlan<T> AlignPlan<T>(T[] rois, long[] shape, int ph, int pw, double scale, long sampling_ratio, bool aligned)
            where T : IFloatingPointIeee754<T>
        {
            long c = shape[1], height = shape[2], width = shape[3];
            var plan = new RoiPlan<T>();
            var bin = new List<(long pos, T weight)>();
            double offset = aligned ? 0.5 : 0;
            for (int k = 0; k < rois.Length / 5; k++)
            {
                long b = BatchIndex("roi_align", rois, k, shape[0]);
                T Scaled(int j) => T.CreateChecked(double.CreateChecked(rois[5 * k + j]) * scale - offset);
                T x1 = Scaled(1), y1 = Scaled(2), roiW = Scaled(3) - x1, roiH = Scaled(4) - y1;
                if (!aligned) (roiW, roiH) = (T.Max(roiW, T.One), T.Max(roiH, T.One));
                T binH = roiH / T.CreateChecked(ph), binW = roiW / T.CreateChecked(pw);
                int gh = sampling_ratio > 0 ? (int)sampling_ratio : int.CreateTruncating(T.Ceiling(roiH / T.CreateChecked(ph)));
                int gw = sampling_ratio > 0 ? (int)sampling_ratio : int.CreateTruncating(T.Ceiling(roiW / T.CreateChecked(pw)));
                T count = T.CreateChecked(Math.Max(gh * gw, 1));
                for (int py = 0; py < ph; py++)
                for (int px = 0; px < pw; px++)
                {
                    bin.Clear();
                    for (int iy = 0; iy < gh; iy++)
                    for (int ix = 0; ix < gw; ix++)
                    {
                        T y = y1 + T.CreateChecked(py) * binH + T.CreateChecked(iy + 0.5) * binH / T.CreateChecked(gh);
                        T x = x1 + T.CreateChecked(px) * binW + T.CreateChecked(ix + 0.5) * binW / T.CreateChecked(gw);
                        Bilinear(y, x, height, width, count, bin);
                    }
                    for (long ch = 0; ch < c; ch++)
                    {
                        long output = ((k * c + ch) * ph + py) * pw + px, plane = (b * c + ch) * height * width;
                        foreach (var (pos, weight) in bin) plan.Add(output, plane + pos, weight);
                    }
                }
            }
            return plan;
        }

        /// <summary>Adds the four (pixel, weight / count) pairs of bilinear interpolation at (y, x), as torchvision clamps them.</summary>
        static void Bilinear<T>(T y, T x, long height, long width, T count, List<(long, T)> into) where T : IFloatingPointIeee754<T>
        {
            if (y < -T.One || y > T.CreateChecked(height) || x < -T.One || x > T.CreateChecked(width)) return;
            var (yLow, yHigh, ly) = Corner(T.Max(y, T.Zero), height);
            var (xLow, xHigh, lx) = Corner(T.Max(x, T.Zero), width);
            T hy = T.One - ly, hx = T.One - lx;
            into.Add((yLow * width + xLow, hy * hx / count));
            into.Add((yLow * width + xHigh, hy * lx / count));
            into.Add((yHigh * width + xLow, ly * hx / count));
            into.Add((yHigh * width + xHigh, ly * lx / count));
        }

        /// <summary>The two neighbouring pixel indices of coordinate v ≥ 0 and its fraction past the lower one.</summary>
        static (long low, long high, T frac) Corner<T>(T v, long size) where T : IFloatingPointIeee754<T>
        {
            long low = long.CreateTruncating(v);
            if (low >= size - 1) return (size - 1, size - 1, T.Zero);
            return (low, low + 1, v - T.CreateChecked(low));
        }
    }
}
