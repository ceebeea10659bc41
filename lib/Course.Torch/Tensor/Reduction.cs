namespace Course.Torch;

public static partial class torch
{
    /// <summary>
    /// The layout every reduction works on: the reduced dims moved to the end and made contiguous, so each output
    /// element reduces one contiguous row of <see cref="RowLength"/> values.
    /// </summary>
    internal sealed class ReductionLayout
    {
        public ReductionLayout(Tensor input, long[]? dims, bool keepdim)
        {
            int ndim = input._shape.Length;
            var reduced = new bool[ndim];
            if (dims is null || dims.Length == 0) Array.Fill(reduced, true);
            else foreach (var d in dims)
            {
                int n = NormalizeDim(d, ndim);
                if (ndim > 0) reduced[n] = true; // a 0-dim tensor accepts dim 0 or -1 and reduces nothing
            }

            var order = Enumerable.Range(0, ndim).Where(d => !reduced[d]).Concat(Enumerable.Range(0, ndim).Where(d => reduced[d])).ToArray();
            Order = order;
            Rows = input.detach().PermuteView(order).contiguous();
            RowLength = Enumerable.Range(0, ndim).Where(d => reduced[d]).Aggregate(1L, (n, d) => n * input._shape[d]);
            KeptShape = Enumerable.Range(0, ndim).Select(d => reduced[d] ? 1 : input._shape[d]).ToArray();
            OutputShape = keepdim ? KeptShape : Enumerable.Range(0, ndim).Where(d => !reduced[d]).Select(d => input._shape[d]).ToArray();
        }

        /// <summary>The permutation that moves the reduced dims last: kept dims in order, then reduced dims in order.</summary>
        public int[] Order { get; }

        /// <summary>The input with reduced dims last, contiguous.</summary>
        public Tensor Rows { get; }

        /// <summary>How many values each output element reduces.</summary>
        public long RowLength { get; }

        /// <summary>The output shape with reduced dims kept as size 1 (what backward broadcasts from).</summary>
        public long[] KeptShape { get; }

        /// <summary>The output shape as the caller asked (keepdim or not).</summary>
        public long[] OutputShape { get; }

        /// <summary>Row <paramref name="i"/> of the reordered input.</summary>
        public ReadOnlySpan<T> Row<T>(long i) => Rows.Span<T>().Slice((int)(i * RowLength), (int)RowLength);

        /// <summary>The number of output elements.</summary>
        public long RowCount => RowLength == 0 ? OutputShape.Aggregate(1L, (n, s) => n * s) : Rows.numel() / RowLength;
    }

    public partial class Tensor
    {
        /// <summary>A view with dimensions reordered (no grad tracking; the public permute adds that).</summary>
        internal Tensor PermuteView(int[] order)
        {
            var shape = new long[order.Length];
            var strides = new long[order.Length];
            for (int i = 0; i < order.Length; i++) { shape[i] = _shape[order[i]]; strides[i] = _strides[order[i]]; }
            return new Tensor(storage, shape, strides, _offset, dtype);
        }

        /// <summary>The sum of all elements. Integer and bool tensors sum to int64.</summary>
        public Tensor sum(ScalarType? type = null) => sum(Array.Empty<long>(), false, type);

        /// <summary>The sum over one dimension.</summary>
        public Tensor sum(long dim, bool keepdim = false, ScalarType? type = null) => sum([dim], keepdim, type);

        /// <summary>The sum over one dimension. This int overload makes <c>x.sum(0)</c> mean "dim 0"; without it C# would
        /// convert the literal 0 to a <see cref="ScalarType"/> and pick <see cref="sum(ScalarType?)"/>.</summary>
        public Tensor sum(int dim, bool keepdim = false, ScalarType? type = null) => sum([(long)dim], keepdim, type);

        /// <summary>The sum over the given dimensions (all when empty). d/dx_i = 1: backward broadcasts the gradient back.</summary>
        public Tensor sum(long[] dim, bool keepdim = false, ScalarType? type = null)
        {
            var input = type is { } t ? to(t) : is_floating_point() ? this : to(ScalarType.Int64);
            var layout = new ReductionLayout(input, dim, keepdim);
            var result = Empty(layout.OutputShape, input.dtype);
            switch (input.dtype)
            {
                case ScalarType.Float32: { var y = result.Span<float>(); for (int i = 0; i < y.Length; i++) y[i] = System.Numerics.Tensors.TensorPrimitives.Sum(layout.Row<float>(i)); break; }
                case ScalarType.Float64: { var y = result.Span<double>(); for (int i = 0; i < y.Length; i++) y[i] = System.Numerics.Tensors.TensorPrimitives.Sum(layout.Row<double>(i)); break; }
                case ScalarType.Int64: { var y = result.Span<long>(); for (int i = 0; i < y.Length; i++) y[i] = System.Numerics.Tensors.TensorPrimitives.Sum(layout.Row<long>(i)); break; }
                default: throw new ArgumentException($"sum: unsupported dtype {input.dtype}");
            }
            var inputShape = input._shape;
            return result.WithGrad("SumBackward1", [input], g => [g.reshape(layout.KeptShape).expand(inputShape)]);
        }
    }

    /// <summary>The sum of all elements.</summary>
    public static Tensor sum(Tensor input, ScalarType? type = null) => input.sum(type);

    /// <summary>The sum over the given dimensions.</summary>
    public static Tensor sum(Tensor input, long[] dim, bool keepdim = false, ScalarType? type = null) => input.sum(dim, keepdim, type);
}
