using System.Numerics;
using static Course.Torch.torch;

namespace Course.Torch;

public static partial class torchvision
{
    public static partial class ops
    {
        /// <summary>
        /// RoI max pooling (Fast R-CNN). Box corners are scaled by spatial_scale and rounded to whole pixels (half away
        /// from zero); the RoI, (x2 − x1 + 1) × (y2 − y1 + 1) pixels (at least 1), is split into output_size bins,
        /// bin ph spanning rows [⌊ph·h/PH⌋, ⌈(ph + 1)·h/PH⌉) clipped to the map (likewise columns). Each bin takes the
        /// max of its pixels; an empty bin gives 0.
        /// Backward: each bin's gradient goes to the pixel that was its max (none to boxes).
        /// </summary>
        /// <param name="input">[N, C, H, W] feature map (float32 or float64).</param>
        /// <param name="boxes">Tensor [K, 5] of (batch index, x1, y1, x2, y2), or a list of Tensor [L, 4] (one per batch element).</param>
        /// <param name="output_size">Bins per RoI: an int or a (height, width) pair.</param>
        /// <param name="spatial_scale">Box coordinates are multiplied by this.</param>
        /// <returns>[K, C, output_height, output_width].</returns>
        /// <exception cref="ArgumentException">On a wrong input or boxes shape, or a batch index out of range.</exception>
        public static Tensor roi_pool(Tensor input, object boxes, object output_size, float spatial_scale = 1.0f)
        {
            var rois = RoiRows("roi_pool", input, boxes);
            var (ph, pw) = PoolSize("roi_pool", output_size);
            var s = input.shape;
            long[] outShape = [rois.shape[0], s[1], ph, pw];
            return RunPlan(input, rois, outShape, "RoiPoolBackward0",
                (x, r) => PoolPlan(x, r, s, ph, pw, spatial_scale),
                (x, r) => PoolPlan(x, r, s, ph, pw, spatial_scale));
        }

        static RoiPlan<T> PoolPlan<T>(T[] x, T[] rois, long[] shape, int ph, int pw, double scale) where T : IFloatingPointIeee754<T>
        {
            long c = shape[1];
            int height = (int)shape[2], width = (int)shape[3];
            var plan = new RoiPlan<T>();
            for (int k = 0; k < rois.Length / 5; k++)
            {
                long b = BatchIndex("roi_pool", rois, k, shape[0]);
                int Rounded(int j) => (int)Math.Round(double.CreateChecked(rois[5 * k + j]) * scale, MidpointRounding.AwayFromZero);
                int x1 = Rounded(1), y1 = Rounded(2);
                T binH = T.CreateChecked(Math.Max(Rounded(4) - y1 + 1, 1)) / T.CreateChecked(ph);
                T binW = T.CreateChecked(Math.Max(Rounded(3) - x1 + 1, 1)) / T.CreateChecked(pw);
                for (int py = 0; py < ph; py++)
                for (int px = 0; px < pw; px++)
                {
                    var (h0, h1) = BinRange(py, binH, y1, height);
                    var (w0, w1) = BinRange(px, binW, x1, width);
                    if (h1 <= h0 || w1 <= w0) continue;
                    for (long ch = 0; ch < c; ch++)
                    {
                        long plane = (b * c + ch) * height * width, best = -1;
                        for (int h = h0; h < h1; h++)
                        for (int w = w0; w < w1; w++)
                        {
                            long i = plane + h * width + w;
                            if (best < 0 || x[i] > x[best]) best = i;
                        }
                        plan.Add(((k * c + ch) * ph + py) * pw + px, best, T.One);
                    }
                }
            }
            return plan;
        }

        /// <summary>Pixels [⌊p·bin⌋, ⌈(p + 1)·bin⌉) shifted by the RoI start and clipped to [0, size].</summary>
        static (int start, int end) BinRange<T>(int p, T bin, int roiStart, int size) where T : IFloatingPointIeee754<T>
        {
            int start = int.CreateTruncating(T.Floor(T.CreateChecked(p) * bin));
            int end = int.CreateTruncating(T.Ceiling(T.CreateChecked(p + 1) * bin));
            return (Math.Clamp(start + roiStart, 0, size), Math.Clamp(end + roiStart, 0, size));
        }
    }
}
