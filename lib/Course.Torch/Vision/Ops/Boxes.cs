using static Course.Torch.torch;

namespace Course.Torch;

/// <summary>torchvision's namespace: datasets, transforms and the detection <see cref="ops"/>.</summary>
public static partial class torchvision
{
    /// <summary>Detection operators: box geometry, non-maximum suppression and RoI pooling, as in torchvision.ops.</summary>
    public static partial class ops
    {
        /// <summary>How the four numbers of a box are laid out.</summary>
        public enum BoxFormats
        {
            /// <summary>Corners: (x1, y1) top left, (x2, y2) bottom right. What the other ops expect.</summary>
            xyxy,
            /// <summary>Top-left corner (x, y) plus width and height.</summary>
            xywh,
            /// <summary>Centre (cx, cy) plus width and height.</summary>
            cxcywh,
        }

        /// <summary>
        /// Converts boxes [..., 4] between formats, passing through xyxy:
        /// xywh → xyxy: (x, y, x + w, y + h); cxcywh → xyxy: (cx − w/2, cy − h/2, cx + w/2, cy + h/2);
        /// xyxy → xywh: (x1, y1, x2 − x1, y2 − y1); xyxy → cxcywh: ((x1 + x2)/2, (y1 + y2)/2, x2 − x1, y2 − y1).
        /// Differentiable (built from tensor ops).
        /// </summary>
        /// <exception cref="ArgumentException">When the last dimension is not 4.</exception>
        public static Tensor box_convert(Tensor boxes, BoxFormats in_fmt, BoxFormats out_fmt)
        {
            if (boxes.ndim == 0 || boxes.shape[^1] != 4)
                throw new ArgumentException($"box_convert(): boxes should have shape [..., 4], got {ShapeString(boxes.shape)}");
            if (in_fmt == out_fmt) return boxes.clone();
            var xyxy = in_fmt switch
            {
                BoxFormats.xywh => FromCornerSize(boxes),
                BoxFormats.cxcywh => FromCentreSize(boxes),
                _ => boxes,
            };
            var (x1, y1, x2, y2) = Unpack(xyxy);
            return out_fmt switch
            {
                BoxFormats.xywh => stack([x1, y1, x2 - x1, y2 - y1], -1),
                BoxFormats.cxcywh => stack([(x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1], -1),
                _ => xyxy,
            };
        }

        static Tensor FromCornerSize(Tensor boxes)
        {
            var (x, y, w, h) = Unpack(boxes);
            return stack([x, y, x + w, y + h], -1);
        }

        static Tensor FromCentreSize(Tensor boxes)
        {
            var (cx, cy, w, h) = Unpack(boxes);
            return stack([cx - 0.5 * w, cy - 0.5 * h, cx + 0.5 * w, cy + 0.5 * h], -1);
        }

        static (Tensor, Tensor, Tensor, Tensor) Unpack(Tensor boxes)
        {
            var c = boxes.unbind(-1);
            return (c[0], c[1], c[2], c[3]);
        }

        /// <summary>Areas of boxes [N, 4] in xyxy format: (x2 − x1)·(y2 − y1). Differentiable.</summary>
        /// <exception cref="ArgumentException">When boxes is not [N, 4].</exception>
        public static Tensor box_area(Tensor boxes)
        {
            CheckBoxes("box_area", "boxes", boxes);
            return (boxes.select(1, 2) - boxes.select(1, 0)) * (boxes.select(1, 3) - boxes.select(1, 1));
        }

        /// <summary>
        /// Pairwise intersection over union [N, M] of boxes1 [N, 4] and boxes2 [M, 4] (xyxy):
        /// IoU = |A∩B| / |A∪B|, with |A∩B| = max(0, min(x2) − max(x1))·max(0, min(y2) − max(y1)) and
        /// |A∪B| = |A| + |B| − |A∩B|. Differentiable.
        /// </summary>
        /// <exception cref="ArgumentException">When either set is not [_, 4].</exception>
        public static Tensor box_iou(Tensor boxes1, Tensor boxes2)
        {
            OpBan.Enter("box_iou");
            var (inter, union) = InterUnion("box_iou", boxes1, boxes2);
            return inter / union;
        }

        /// <summary>
        /// Pairwise generalized IoU [N, M]: GIoU = IoU − (|C| − |A∪B|) / |C|, where C is the smallest box enclosing
        /// A and B. In [−1, 1]; unlike IoU it still has a gradient when the boxes do not overlap. Differentiable.
        /// </summary>
        /// <exception cref="ArgumentException">When either set is not [_, 4].</exception>
        public static Tensor generalized_box_iou(Tensor boxes1, Tensor boxes2)
        {
            var (inter, union) = InterUnion("generalized_box_iou", boxes1, boxes2);
            var (lt, rb) = (Corners(boxes1, boxes2, 0, false), Corners(boxes1, boxes2, 2, true));
            var wh = (rb - lt).clamp(min: (Scalar)0);
            var enclosing = wh.select(2, 0) * wh.select(2, 1);
            return inter / union - (enclosing - union) / enclosing;
        }

        /// <summary>|A∩B| and |A∪B| for every pair, both [N, M].</summary>
        static (Tensor inter, Tensor union) InterUnion(string op, Tensor boxes1, Tensor boxes2)
        {
            CheckBoxes(op, "boxes1", boxes1);
            CheckBoxes(op, "boxes2", boxes2);
            var lt = Corners(boxes1, boxes2, 0, true);
            var rb = Corners(boxes1, boxes2, 2, false);
            var wh = (rb - lt).clamp(min: (Scalar)0);
            var inter = wh.select(2, 0) * wh.select(2, 1);
            return (inter, box_area(boxes1).unsqueeze(1) + box_area(boxes2) - inter);
        }

        /// <summary>Pairwise max (or min) of the corner at columns [start, start + 2): [N, M, 2].</summary>
        static Tensor Corners(Tensor boxes1, Tensor boxes2, int start, bool larger)
        {
            var a = boxes1.narrow(1, start, 2).unsqueeze(1);
            var b = boxes2.narrow(1, start, 2);
            return larger ? a.maximum(b) : a.minimum(b);
        }

        static void CheckBoxes(string op, string name, Tensor boxes)
        {
            if (boxes.ndim != 2 || boxes.shape[1] != 4)
                throw new ArgumentException($"{op}(): {name} should have shape [N, 4], got {ShapeString(boxes.shape)}");
        }
    }
}
