using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>
        /// The values along <paramref name="dim"/> in ascending (or descending) order, and the index each came from.
        /// The sort is always stable: ties keep their original order. NaN sorts above every number.
        /// Backward: each value's gradient goes back to the index it came from.
        /// </summary>
        /// <param name="dim">The dimension to sort along.</param>
        /// <param name="descending">Largest first.</param>
        /// <param name="stable">Accepted for TorchSharp compatibility; the sort is stable either way.</param>
        public (Tensor values, Tensor indices) sort(long dim = -1, bool descending = false, bool stable = false) =>
            SortedSlice(NormalizeDim(dim, _shape.Length), null, descending, "SortBackward0");

        /// <summary>
        /// The <paramref name="k"/> largest (or smallest) values along <paramref name="dim"/> and their indices,
        /// in sorted order (ties: lower index first). Backward: gradients go back to the chosen indices.
        /// </summary>
        /// <param name="k">How many values to keep.</param>
        /// <param name="dim">The dimension to search.</param>
        /// <param name="largest">The largest values when true, the smallest when false.</param>
        /// <param name="sorted">Accepted for TorchSharp compatibility; the result is always sorted.</param>
        /// <exception cref="ArgumentException">When k is negative or larger than the dimension.</exception>
        public (Tensor values, Tensor indices) topk(int k, int dim = -1, bool largest = true, bool sorted = true)
        {
            int d = NormalizeDim(dim, _shape.Length);
            long size = _shape.Length == 0 ? 1 : _shape[d];
            if (k < 0 || k > size)
                throw new ArgumentException($"topk: k ({k}) is out of range for dimension {dim} of size {size} (input shape {ShapeString(_shape)}).");
            return SortedSlice(d, k, largest, "TopkBackward0");
        }

        /// <summary>
        /// Sorts every row along <paramref name="dim"/> and keeps the first <paramref name="k"/> entries (all when null).
        /// Values are gathered from this tensor by flat index, so autograd routes gradients back to their sources.
        /// </summary>
        (Tensor values, Tensor indices) SortedSlice(int dim, int? k, bool descending, string name)
        {
            var layout = new ReductionLayout(Comparable(), [dim], keepdim: true);
            int n = (int)layout.RowLength, keep = k ?? n;
            var outShape = (long[])_shape.Clone();
            if (outShape.Length > 0) outShape[dim] = keep;
            var inputPositions = RowPositions(_shape, layout.Order);
            var outputPositions = RowPositions(outShape, layout.Order);

            var order = new int[n];
            var source = new int[outputPositions.Length];
            var indices = new long[outputPositions.Length];
            for (int r = 0; r < layout.RowCount; r++)
            {
                ArgSortRow(layout, r, order, descending);
                for (int j = 0; j < keep; j++)
                {
                    int at = outputPositions[r * keep + j];
                    source[at] = inputPositions[r * n + order[j]];
                    indices[at] = order[j];
                }
            }
            return (TakeFlat(source, outShape, name), tensor(indices).reshape(outShape));
        }

        static void ArgSortRow(ReductionLayout layout, int r, Span<int> order, bool descending)
        {
            switch (layout.Rows.dtype)
            {
                case ScalarType.Float32: Reductions.ArgSort(layout.Row<float>(r), order, descending); break;
                case ScalarType.Float64: Reductions.ArgSort(layout.Row<double>(r), order, descending); break;
                case ScalarType.Int64: Reductions.ArgSort(layout.Row<long>(r), order, descending); break;
                case ScalarType.Int32: Reductions.ArgSort(layout.Row<int>(r), order, descending); break;
                default: Reductions.ArgSort(layout.Row<byte>(r), order, descending); break;
            }
        }
    }

    /// <summary>Sorts along a dimension; returns the values and their original indices.</summary>
    public static (Tensor values, Tensor indices) sort(Tensor input, long dim = -1, bool descending = false, bool stable = false) =>
        input.sort(dim, descending, stable);

    /// <summary>The k largest (or smallest) values along a dimension and their indices.</summary>
    public static (Tensor values, Tensor indices) topk(Tensor tensor, int k, int dim = -1, bool largest = true, bool sorted = true) =>
        tensor.topk(k, dim, largest, sorted);
}
