using System.Numerics;
using static Course.Torch.torch;

namespace Course.Torch;

public static partial class torchvision
{
    public static partial class ops
    {
        /// <summary>
        /// Non-maximum suppression: visit boxes by decreasing score (equal scores in index order); keep a box unless
        /// its IoU with an already kept box is &gt; <paramref name="iou_threshold"/> (strictly). IoU is computed in the
        /// boxes' dtype, as torchvision's kernel does.
        /// </summary>
        /// <param name="boxes">[N, 4] boxes in xyxy format.</param>
        /// <param name="scores">[N] scores.</param>
        /// <param name="iou_threshold">Boxes overlapping a kept box by more than this are discarded.</param>
        /// <returns>int64 [K]: indices of the kept boxes, sorted by decreasing score.</returns>
        /// <exception cref="ArgumentException">On wrong shapes or non-float boxes.</exception>
        public static Tensor nms(Tensor boxes, Tensor scores, double iou_threshold = 0.5)
        {
            OpBan.Enter("nms");
            CheckBoxes("nms", "boxes", boxes);
            if (scores.ndim != 1 || scores.shape[0] != boxes.shape[0])
                throw new ArgumentException($"nms(): scores should have shape [{boxes.shape[0]}] to match boxes {ShapeString(boxes.shape)}, got {ShapeString(scores.shape)}");
            var order = Order(scores.to(float64).detach().data<double>().ToArray());
            var keep = boxes.dtype switch
            {
                ScalarType.Float32 => Suppress(boxes.detach().contiguous().data<float>().ToArray(), order, iou_threshold),
                ScalarType.Float64 => Suppress(boxes.detach().contiguous().data<double>().ToArray(), order, iou_threshold),
                _ => throw new ArgumentException($"nms(): boxes must be float32 or float64, got {boxes.dtype}"),
            };
            return tensor(keep);
        }

        /// <summary>Indices sorted by decreasing score, ties in index order.</summary>
        static int[] Order(double[] scores)
        {
            var order = Enumerable.Range(0, scores.Length).ToArray();
            return order.OrderByDescending(i => scores[i]).ToArray();
        }

        static long[] Suppress<T>(T[] b, int[] order, double threshold) where T : IFloatingPointIeee754<T>
        {
            T Area(int i) => (b[4 * i + 2] - b[4 * i]) * (b[4 * i + 3] - b[4 * i + 1]);
            var suppressed = new bool[order.Length];
            var keep = new List<long>();
            for (int a = 0; a < order.Length; a++)
            {
                int i = order[a];
                if (suppressed[i]) continue;
                keep.Add(i);
                for (int c = a + 1; c < order.Length; c++)
                {
                    int j = order[c];
                    if (suppressed[j]) continue;
                    var w = T.Max(T.Zero, T.Min(b[4 * i + 2], b[4 * j + 2]) - T.Max(b[4 * i], b[4 * j]));
                    var h = T.Max(T.Zero, T.Min(b[4 * i + 3], b[4 * j + 3]) - T.Max(b[4 * i + 1], b[4 * j + 1]));
                    var inter = w * h;
                    // IoU = |A∩B| / (|A| + |B| − |A∩B|)
                    if (double.CreateChecked(inter / (Area(i) + Area(j) - inter)) > threshold) suppressed[j] = true;
                }
            }
            return keep.ToArray();
        }

        /// <summary>
        /// NMS within each category only: boxes with different <paramref name="idxs"/> never suppress each other.
        /// Done as torchvision does on small CPU inputs: shift each category's boxes by idx·(max coordinate + 1) so
        /// categories cannot overlap, then run one <see cref="nms"/> (torchvision loops over categories above 4000
        /// coordinates; the result is the same up to rounding of the shifted coordinates).
        /// </summary>
        /// <param name="boxes">[N, 4] boxes in xyxy format.</param>
        /// <param name="scores">[N] scores.</param>
        /// <param name="idxs">[N] category of each box (integer).</param>
        /// <param name="iou_threshold">Boxes overlapping a kept box of the same category by more than this are discarded.</param>
        /// <returns>int64 [K]: kept indices, sorted by decreasing score.</returns>
        /// <exception cref="ArgumentException">On wrong shapes.</exception>
        public static Tensor batched_nms(Tensor boxes, Tensor scores, Tensor idxs, double iou_threshold)
        {
            CheckBoxes("batched_nms", "boxes", boxes);
            if (idxs.ndim != 1 || idxs.shape[0] != boxes.shape[0])
                throw new ArgumentException($"batched_nms(): idxs should have shape [{boxes.shape[0]}] to match boxes {ShapeString(boxes.shape)}, got {ShapeString(idxs.shape)}");
            if (boxes.numel() == 0) return empty(0, int64);
            using var _ = no_grad();
            var offsets = idxs.to(boxes.dtype) * (boxes.max() + 1);
            return nms(boxes + offsets.unsqueeze(1), scores, iou_threshold);
        }
    }
}
