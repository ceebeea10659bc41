using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>The mean of all elements.</summary>
        public Tensor mean() => mean(Array.Empty<long>());

        /// <summary>
        /// The mean over <paramref name="dimensions"/> (all when empty): y = Σx / N. Backward: dy/dx_i = 1/N.
        /// </summary>
        /// <exception cref="ArgumentException">For integer tensors without a floating <paramref name="type"/>.</exception>
        public Tensor mean(long[] dimensions, bool keepdim = false, ScalarType? type = null)
        {
            var input = FloatInput("mean", type);
            var layout = new ReductionLayout(input, dimensions, keepdim);
            long n = layout.RowLength;
            var result = FloatReduce(layout, input.dtype, Average, Average);
            var shape = input._shape;
            return result.WithGrad("MeanBackward1", [input], g => [g.reshape(layout.KeptShape).expand(shape).div(n)]);

            static T Average<T>(ReadOnlySpan<T> row) where T : System.Numerics.IFloatingPointIeee754<T> =>
                System.Numerics.Tensors.TensorPrimitives.Sum(row) / T.CreateChecked(row.Length);
        }

        /// <summary>The variance of all elements (with Bessel's correction N − 1 when <paramref name="unbiased"/>).</summary>
        public Tensor var(bool unbiased = true) => var(Array.Empty<long>(), unbiased);

        /// <summary>The variance over one dimension.</summary>
        public Tensor var(long dimension, bool unbiased = true, bool keepdim = false, ScalarType? type = null) =>
            var([dimension], unbiased, keepdim, type);

        /// <summary>
        /// The variance over <paramref name="dimensions"/>: var = Σ(x − μ)² / (N − c), c = 1 when unbiased else 0.
        /// Backward: d var / dx_i = 2(x_i − μ) / (N − c).
        /// </summary>
        public Tensor var(long[] dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null)
        {
            var input = FloatInput("var", type);
            var layout = new ReductionLayout(input, dimensions, keepdim);
            int c = unbiased ? 1 : 0;
            var result = FloatReduce(layout, input.dtype, r => Reductions.Variance(r, c), r => Reductions.Variance(r, c));
            return result.WithGrad("VarBackward0", [input], g =>
            {
                var centered = input.sub(input.mean(dimensions, keepdim: true));
                return [g.reshape(layout.KeptShape).mul(centered).mul(2.0 / (layout.RowLength - c))];
            }, input);
        }

        /// <summary>The standard deviation of all elements.</summary>
        public Tensor std(bool unbiased = true) => std(Array.Empty<long>(), unbiased);

        /// <summary>The standard deviation over one dimension.</summary>
        public Tensor std(long dimension, bool unbiased = true, bool keepdim = false, ScalarType? type = null) =>
            std([dimension], unbiased, keepdim, type);

        /// <summary>
        /// The standard deviation over <paramref name="dimensions"/>: σ = √var. Backward: dσ/dx_i = (x_i − μ) / ((N − c)·σ).
        /// </summary>
        public Tensor std(long[] dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null)
        {
            var input = FloatInput("std", type);
            var layout = new ReductionLayout(input, dimensions, keepdim);
            int c = unbiased ? 1 : 0;
            var result = FloatReduce(layout, input.dtype, r => MathF.Sqrt(Reductions.Variance(r, c)), r => Math.Sqrt(Reductions.Variance(r, c)));
            return result.WithGrad("StdBackward0", [input], g =>
            {
                var centered = input.sub(input.mean(dimensions, keepdim: true));
                var sigma = result.reshape(layout.KeptShape);
                return [g.reshape(layout.KeptShape).mul(centered).div(sigma.mul(layout.RowLength - c))];
            }, input, result);
        }

        /// <summary>The product of all elements (integers and bools multiply as int64).</summary>
        public Tensor prod(ScalarType? type = null) => Prod(null, false, type);

        /// <summary>The product over one dimension.</summary>
        public Tensor prod(long dim, bool keepdim = false, ScalarType? type = null) => Prod([dim], keepdim, type);

        /// <summary>
        /// y = Π x. Backward: dy/dx_i = Π_{j≠i} x_j, which is y / x_i when no factor is zero. With zeros that division
        /// fails, so the products of the others are formed directly (an N×(N−1) gather; only in that case).
        /// </summary>
        Tensor Prod(long[]? dims, bool keepdim, ScalarType? type)
        {
            var input = type is { } t ? to(t) : is_floating_point() ? this : to(ScalarType.Int64);
            var layout = new ReductionLayout(input, dims, keepdim);
            Tensor result = input.dtype switch
            {
                ScalarType.Float32 => Reduce<float>(layout, ScalarType.Float32, Reductions.Product),
                ScalarType.Float64 => Reduce<double>(layout, ScalarType.Float64, Reductions.Product),
                ScalarType.Int64 => Reduce<long>(layout, ScalarType.Int64, Reductions.Product),
                _ => throw new ArgumentException($"prod: unsupported dtype {input.dtype}"),
            };
            return result.WithGrad("ProdBackward1", [input], g =>
            {
                var gk = g.reshape(layout.KeptShape);
                bool anyZero = layout.Rows.to(ScalarType.Float64).Span<double>().Contains(0.0);
                return [anyZero ? gk.mul(input.ProductOfOthers(dims)) : gk.mul(result.reshape(layout.KeptShape)).div(input)];
            }, input, result);
        }

        /// <summary>out_i = Π_{j≠i} x_j within each reduced row, in this tensor's shape (differentiable).</summary>
        Tensor ProductOfOthers(long[]? dims)
        {
            var layout = new ReductionLayout(this, dims, keepdim: true);
            int n = (int)layout.RowLength, rows = (int)layout.RowCount;
            var positions = RowPositions(_shape, layout.Order);
            var source = new int[rows * n * (n - 1)];
            for (int r = 0, k = 0; r < rows; r++)
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < n; j++)
                        if (j != i) source[k++] = positions[r * n + j];
            var others = TakeFlat(source, [rows * n, n - 1], "IndexBackward0").prod(1);
            var inverse = new int[positions.Length];
            for (int p = 0; p < positions.Length; p++) inverse[positions[p]] = p;
            return others.TakeFlat(inverse, _shape, "IndexBackward0");
        }

        /// <summary>The largest element. Backward: the gradient is shared evenly among tied maxima (as in PyTorch).</summary>
        /// <exception cref="ArgumentException">For an empty tensor.</exception>
        public Tensor max() => ExtremeAll(largest: true, "max", "MaxBackward1");

        /// <summary>The smallest element. Backward: the gradient is shared evenly among tied minima.</summary>
        public Tensor min() => ExtremeAll(largest: false, "min", "MinBackward1");

        /// <summary>
        /// The largest value along <paramref name="dim"/> and its index (the first one among ties; NaN counts as
        /// largest). Backward: the gradient goes to the chosen index only.
        /// </summary>
        public (Tensor values, Tensor indexes) max(long dim, bool keepdim = false) => ExtremeAlong(dim, keepdim, largest: true, "max", "MaxBackward0");

        /// <summary>The smallest value along <paramref name="dim"/> and its (first) index.</summary>
        public (Tensor values, Tensor indexes) min(long dim, bool keepdim = false) => ExtremeAlong(dim, keepdim, largest: false, "min", "MinBackward0");

        /// <summary>The flat (row-major) index of the first largest element, as a 0-dim int64 tensor.</summary>
        public Tensor argmax() => ArgExtremeAll(largest: true, "argmax");

        /// <summary>The index of the first largest element along <paramref name="dim"/> (int64).</summary>
        public Tensor argmax(long dim, bool keepdim = false) => ArgExtremeAlong(dim, keepdim, largest: true, "argmax").indexes;

        /// <summary>The flat (row-major) index of the first smallest element, as a 0-dim int64 tensor.</summary>
        public Tensor argmin() => ArgExtremeAll(largest: false, "argmin");

        /// <summary>The index of the first smallest element along <paramref name="dim"/> (int64).</summary>
        public Tensor argmin(long dim, bool keepdim = false) => ArgExtremeAlong(dim, keepdim, largest: false, "argmin").indexes;

        Tensor ExtremeAll(bool largest, string op, string name)
        {
            var index = ArgExtremeAll(largest, op).item<long>();
            var value = detach().TakeFlat([(int)index], [], name);
            return value.WithGrad(name, [this], g =>
            {
                var ties = Converting.Gather<double>(to(ScalarType.Float64).detach());
                double best = value.ToDouble();
                var mask = ties.Select(v => v == best || (double.IsNaN(v) && double.IsNaN(best)) ? 1.0 : 0.0).ToArray();
                var share = tensor(mask).div(mask.Sum()).reshape(_shape).to(dtype);
                return [share.mul(g)];
            }, this);
        }

        Tensor ArgExtremeAll(bool largest, string op)
        {
            if (numel() == 0)
                throw new ArgumentException($"{op}(): Expected reduction dim to be specified for input.numel() == 0 (input shape {ShapeString(_shape)}). Specify the reduction dim with the 'dim' argument.");
            var layout = new ReductionLayout(Comparable(), null, keepdim: false);
            return full([], ArgExtremes(layout, largest)[0], ScalarType.Int64);
        }

        (Tensor values, Tensor indexes) ExtremeAlong(long dim, bool keepdim, bool largest, string op, string name)
        {
            var (layout, best, indexes) = ArgExtremeAlong(dim, keepdim, largest, op);
            var positions = RowPositions(_shape, layout.Order);
            var source = best.Select((i, r) => positions[r * layout.RowLength + i]).ToArray();
            return (TakeFlat(source, layout.OutputShape, name), indexes);
        }

        (ReductionLayout layout, int[] best, Tensor indexes) ArgExtremeAlong(long dim, bool keepdim, bool largest, string op)
        {
            var layout = new ReductionLayout(Comparable(), [dim], keepdim);
            if (layout.RowLength == 0 && layout.RowCount > 0)
                throw new ArgumentException($"{op}(): Expected reduction dim {dim} to have non-zero size (input shape {ShapeString(_shape)}).");
            var best = ArgExtremes(layout, largest);
            return (layout, best, tensor(best.Select(i => (long)i).ToArray()).reshape(layout.OutputShape));
        }

        /// <summary>The same values in a dtype the row kernels compare: bools as uint8.</summary>
        Tensor Comparable() => dtype == ScalarType.Bool ? to(ScalarType.Byte) : this;

        /// <summary>The cumulative sum along <paramref name="dim"/>: y_i = x_0 + … + x_i. Integers and bools sum as int64.
        /// Backward: dL/dx_i = Σ_{j≥i} g_j = Σ_j g_j − y(g)_i + g_i (a reversed cumsum).</summary>
        public Tensor cumsum(long dim, ScalarType? type = null)
        {
            var input = type is { } t ? to(t) : is_floating_point() ? this : to(ScalarType.Int64);
            int d = NormalizeDim(dim, _shape.Length);
            var result = input.dtype switch
            {
                ScalarType.Float32 => AlongDim<float>(input, d, Reductions.CumSum),
                ScalarType.Float64 => AlongDim<double>(input, d, Reductions.CumSum),
                ScalarType.Int64 => AlongDim<long>(input, d, Reductions.CumSum),
                _ => throw new ArgumentException($"cumsum: unsupported dtype {input.dtype}"),
            };
            return result.WithGrad("CumsumBackward0", [input], g => [g.sum([d], keepdim: true).sub(g.cumsum(d)).add(g)]);
        }

        /// <summary>
        /// result[j] = this[source[j]], indices into the row-major order, shaped <paramref name="shape"/>. Max over a dim,
        /// sort and topk pick their values with it. Backward scatters the gradient back to the sources (PutFlat).
        /// </summary>
        internal Tensor TakeFlat(int[] source, long[] shape, string name)
        {
            var result = Empty(shape, dtype);
            var offsets = Offsets();
            switch (storage.Data)
            {
                case float[] a: Take(a, result.Elements<float>()); break;
                case double[] a: Take(a, result.Elements<double>()); break;
                case long[] a: Take(a, result.Elements<long>()); break;
                case int[] a: Take(a, result.Elements<int>()); break;
                case byte[] a: Take(a, result.Elements<byte>()); break;
                case bool[] a: Take(a, result.Elements<bool>()); break;
            }
            var inputShape = _shape;
            return result.WithGrad(name, [this], g => [g.PutFlat(source, inputShape)]);

            void Take<T>(T[] from, T[] to)
            {
                for (int j = 0; j < source.Length; j++) to[j] = from[offsets[source[j]]];
            }
        }

        /// <summary>result = zeros(shape); result[target[j]] += this[j]: the adjoint of <see cref="TakeFlat"/>.</summary>
        internal Tensor PutFlat(int[] target, long[] shape)
        {
            var values = Converting.Gather<double>(to(ScalarType.Float64).detach());
            var sums = new double[shape.Aggregate(1L, (n, s) => n * s)];
            for (int j = 0; j < target.Length; j++) sums[target[j]] += values[j];
            var result = tensor(sums).reshape(shape).to(dtype);
            var sourceShape = _shape;
            return result.WithGrad("ScatterAddBackward0", [this], g => [g.TakeFlat(target, sourceShape, "GatherBackward0")]);
        }

        /// <summary>
        /// Runs a row kernel along <paramref name="dim"/> and returns a result of this shape: the dim is moved last so
        /// each row is contiguous, the kernel maps row to row, and the dim is moved back.
        /// </summary>
        internal static Tensor AlongDim<T>(Tensor input, int dim, RowMap<T> kernel)
        {
            var layout = new ReductionLayout(input, [dim], keepdim: true);
            var moved = Empty(layout.Rows._shape, input.dtype);
            var output = moved.Span<T>();
            int n = (int)layout.RowLength;
            for (int r = 0; r < layout.RowCount; r++) kernel(layout.Row<T>(r), output.Slice(r * n, n));
            var back = new int[layout.Order.Length];
            for (int i = 0; i < back.Length; i++) back[layout.Order[i]] = i;
            return moved.PermuteView(back).contiguous();
        }

        /// <summary>
        /// The row-major index, in a tensor of <paramref name="shape"/>, of every element of its reordered view
        /// (<paramref name="order"/> as ReductionLayout uses): row r, position i is element positions[r·N + i].
        /// </summary>
        internal static int[] RowPositions(long[] shape, int[] order)
        {
            var strides = Strided.ContiguousStrides(shape);
            return Strided.Offsets(order.Select(d => shape[d]).ToArray(), order.Select(d => strides[d]).ToArray(), 0);
        }

        /// <summary>The input itself if floating (after the optional conversion), else PyTorch's dtype error.</summary>
        Tensor FloatInput(string op, ScalarType? type)
        {
            var input = type is { } t ? to(t) : this;
            if (!input.is_floating_point())
                throw new ArgumentException($"{op}(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: {input.dtype}");
            return input;
        }
    }

    /// <summary>Maps one contiguous row to an output row of the same length.</summary>
    internal delegate void RowMap<T>(ReadOnlySpan<T> row, Span<T> result);

    /// <summary>Reduces each row of <paramref name="layout"/> to one value.</summary>
    internal static Tensor Reduce<T>(ReductionLayout layout, ScalarType dtype, Func<ReadOnlySpan<T>, T> kernel)
    {
        var result = Tensor.Empty(layout.OutputShape, dtype);
        var y = result.Span<T>();
        for (int i = 0; i < y.Length; i++) y[i] = kernel(layout.Row<T>(i));
        return result;
    }

    /// <summary>Reduces each row of a float32 or float64 layout with the matching kernel.</summary>
    internal static Tensor FloatReduce(ReductionLayout layout, ScalarType dtype, Func<ReadOnlySpan<float>, float> f32, Func<ReadOnlySpan<double>, double> f64) =>
        dtype == ScalarType.Float32 ? Reduce(layout, dtype, f32) : Reduce(layout, dtype, f64);

    /// <summary>The index of the first extreme of every row, for any comparable dtype.</summary>
    internal static int[] ArgExtremes(ReductionLayout layout, bool largest) => layout.Rows.dtype switch
    {
        ScalarType.Float32 => ArgExtremes<float>(layout, largest),
        ScalarType.Float64 => ArgExtremes<double>(layout, largest),
        ScalarType.Int64 => ArgExtremes<long>(layout, largest),
        ScalarType.Int32 => ArgExtremes<int>(layout, largest),
        _ => ArgExtremes<byte>(layout, largest),
    };

    static int[] ArgExtremes<T>(ReductionLayout layout, bool largest) where T : System.Numerics.INumber<T>
    {
        var best = new int[layout.RowCount];
        for (int r = 0; r < best.Length; r++) best[r] = Reductions.ArgExtreme(layout.Row<T>(r), largest);
        return best;
    }

    /// <summary>The mean of all elements.</summary>
    public static Tensor mean(Tensor input) => input.mean();
    /// <summary>The mean over the given dimensions.</summary>
    public static Tensor mean(Tensor input, long[] dimensions, bool keepdim = false, ScalarType? type = null) => input.mean(dimensions, keepdim, type);
    /// <summary>The variance of all elements.</summary>
    public static Tensor var(Tensor input, bool unbiased = true) => input.var(unbiased);
    /// <summary>The variance over the given dimensions.</summary>
    public static Tensor var(Tensor input, long[] dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => input.var(dimensions, unbiased, keepdim, type);
    /// <summary>The variance over one dimension.</summary>
    public static Tensor var(Tensor input, long dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => input.var(dimensions, unbiased, keepdim, type);
    /// <summary>The standard deviation of all elements.</summary>
    public static Tensor std(Tensor input, bool unbiased = true) => input.std(unbiased);
    /// <summary>The standard deviation over the given dimensions.</summary>
    public static Tensor std(Tensor input, long[] dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => input.std(dimensions, unbiased, keepdim, type);
    /// <summary>The standard deviation over one dimension.</summary>
    public static Tensor std(Tensor input, long dimensions, bool unbiased = true, bool keepdim = false, ScalarType? type = null) => input.std(dimensions, unbiased, keepdim, type);
    /// <summary>The product of all elements.</summary>
    public static Tensor prod(Tensor input, ScalarType? type = null) => input.prod(type);
    /// <summary>The product over one dimension.</summary>
    public static Tensor prod(Tensor input, long dim, bool keepdim = false, ScalarType? type = null) => input.prod(dim, keepdim, type);
    /// <summary>The largest element.</summary>
    public static Tensor max(Tensor input) => input.max();
    /// <summary>The largest values along a dimension and their indices.</summary>
    public static (Tensor values, Tensor indexes) max(Tensor input, long dim, bool keepdim = false) => input.max(dim, keepdim);
    /// <summary>The smallest element.</summary>
    public static Tensor min(Tensor input) => input.min();
    /// <summary>The smallest values along a dimension and their indices.</summary>
    public static (Tensor values, Tensor indexes) min(Tensor input, long dim, bool keepdim = false) => input.min(dim, keepdim);
    /// <summary>The flat index of the largest element.</summary>
    public static Tensor argmax(Tensor input) => input.argmax();
    /// <summary>The indices of the largest elements along a dimension.</summary>
    public static Tensor argmax(Tensor input, long dim, bool keepdim = false) => input.argmax(dim, keepdim);
    /// <summary>The flat index of the smallest element.</summary>
    public static Tensor argmin(Tensor input) => input.argmin();
    /// <summary>The indices of the smallest elements along a dimension.</summary>
    public static Tensor argmin(Tensor input, long dim, bool keepdim = false) => input.argmin(dim, keepdim);
    /// <summary>The cumulative sum along a dimension.</summary>
    public static Tensor cumsum(Tensor input, long dim, ScalarType? type = null) => input.cumsum(dim, type);
}
