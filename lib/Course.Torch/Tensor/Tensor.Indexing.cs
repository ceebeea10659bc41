using System.Numerics;
using System.Runtime.CompilerServices;
using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>The sub-tensor at one index (a view). Setting it copies a value in, broadcasting.</summary>
        [IndexerName("TensorItems")]
        public Tensor this[long i1]
        {
            get => index(TensorIndex.Single(i1));
            set => index_put_(value, TensorIndex.Single(i1));
        }

        /// <summary>The sub-tensor at two indices.</summary>
        [IndexerName("TensorItems")]
        public Tensor this[long i1, long i2]
        {
            get => index(TensorIndex.Single(i1), TensorIndex.Single(i2));
            set => index_put_(value, TensorIndex.Single(i1), TensorIndex.Single(i2));
        }

        /// <summary>The sub-tensor at three indices.</summary>
        [IndexerName("TensorItems")]
        public Tensor this[long i1, long i2, long i3]
        {
            get => index(Singles(i1, i2, i3));
            set => index_put_(value, Singles(i1, i2, i3));
        }

        /// <summary>The sub-tensor at four indices.</summary>
        [IndexerName("TensorItems")]
        public Tensor this[long i1, long i2, long i3, long i4]
        {
            get => index(Singles(i1, i2, i3, i4));
            set => index_put_(value, Singles(i1, i2, i3, i4));
        }

        /// <summary>The sub-tensor at five indices.</summary>
        [IndexerName("TensorItems")]
        public Tensor this[long i1, long i2, long i3, long i4, long i5]
        {
            get => index(Singles(i1, i2, i3, i4, i5));
            set => index_put_(value, Singles(i1, i2, i3, i4, i5));
        }

        /// <summary>The sub-tensor at six indices.</summary>
        [IndexerName("TensorItems")]
        public Tensor this[long i1, long i2, long i3, long i4, long i5, long i6]
        {
            get => index(Singles(i1, i2, i3, i4, i5, i6));
            set => index_put_(value, Singles(i1, i2, i3, i4, i5, i6));
        }

        /// <summary>The sub-tensor at any number of integer indices.</summary>
        [IndexerName("TensorItems")]
        public Tensor this[params long[] indices]
        {
            get => index(Singles(indices));
            set => index_put_(value, Singles(indices));
        }

        /// <summary>Python-style indexing: integers, slices, ellipsis, None, bools, index tensors and masks.</summary>
        [IndexerName("TensorItems")]
        public Tensor this[params TensorIndex[] indices]
        {
            get => index(indices);
            set => index_put_(value, indices);
        }

        /// <summary>Indexing by int64 index tensors (advanced indexing) or bool masks.</summary>
        [IndexerName("TensorItems")]
        public Tensor this[params Tensor[] indices]
        {
            get => index(indices);
            set => index_put_(value, indices);
        }

        static TensorIndex[] Singles(params long[] indices) => indices.Select(i => TensorIndex.Single(i)).ToArray();

        /// <summary>
        /// Python-style indexing. Integers, slices, None and ellipsis give a view (select / slice / unsqueeze);
        /// index tensors and masks then pick elements by <see cref="index_select"/> on the flattened indexed dims (a copy).
        /// </summary>
        /// <exception cref="IndexOutOfRangeException">For an index out of range; names the index, dimension and size.</exception>
        public Tensor index(params TensorIndex[] indices)
        {
            var (view, advanced) = BasicIndex(indices);
            return advanced.Count == 0 ? view : AdvancedIndex(view, advanced);
        }

        /// <summary>Indexing by index tensors or masks.</summary>
        public Tensor index(params Tensor[] indices) => index(indices.Select(TensorIndex.Tensor).ToArray());

        /// <summary>
        /// Writes <paramref name="value"/> (broadcast, converted to this dtype) into the indexed positions, in place.
        /// Under autograd the write is recorded: the overwritten positions get no gradient, value gets the indexed gradient.
        /// </summary>
        public Tensor index_put_(Tensor value, params TensorIndex[] indices)
        {
            if (is_grad_enabled() && (requires_grad || value.requires_grad)) return InPlace(x => x.IndexPut(value, indices));
            WriteAt(this, value, indices);
            storage.BumpVersion();
            return this;
        }

        /// <summary>Writes <paramref name="value"/> into the positions picked by index tensors or masks.</summary>
        public Tensor index_put_(Tensor value, params Tensor[] indices) => index_put_(value, indices.Select(TensorIndex.Tensor).ToArray());

        /// <summary>Writes one number into the indexed positions.</summary>
        public Tensor index_put_(Scalar value, params TensorIndex[] indices) => index_put_(full(Array.Empty<long>(), value, dtype), indices);

        /// <summary>Writes one number into the positions picked by index tensors or masks.</summary>
        public Tensor index_put_(Scalar value, params Tensor[] indices) => index_put_(full(Array.Empty<long>(), value, dtype), indices);

        /// <summary>Out-of-place index_put: a copy of this with value written in. Gradient: g with the written positions zeroed; g[indices] for value.</summary>
        Tensor IndexPut(Tensor value, TensorIndex[] indices)
        {
            var result = detach().clone();
            WriteAt(result, value, indices);
            var indexTensors = indices.Where(i => i.tensor is not null).Select(i => i.tensor!).ToArray();
            return result.WithGrad("IndexPutBackward0", [this, value], g => [
                requires_grad ? g.IndexPut(zeros([], g.dtype), indices) : null,
                value.requires_grad ? g.index(indices).SumTo(value._shape).to(value.dtype) : null], indexTensors);
        }

        /// <summary>target[indices] = value without autograd: a strided copy for views, element writes for index tensors.</summary>
        static void WriteAt(Tensor target, Tensor value, TensorIndex[] indices)
        {
            using var _ = no_grad();
            var (view, advanced) = target.detach().BasicIndex(indices);
            if (advanced.Count == 0)
            {
                Converting.CopyStrided(value.to(target.dtype).expand(view._shape), view);
                return;
            }
            // Index a tensor of storage offsets the same way: it says where each selected element lives.
            var offsets = view.Offsets().Select(o => (long)o).ToArray();
            var where = AdvancedIndex(new Tensor(new Storage(offsets), view._shape, Strided.ContiguousStrides(view._shape), 0, ScalarType.Int64), advanced);
            var values = value.to(target.dtype).expand(where._shape);
            Move(values.storage.Data, values.Offsets(), target.storage.Data, Converting.Gather<long>(where).Select(o => (int)o).ToArray(), false);
        }

        /// <summary>
        /// Applies the basic part of an index (integers, slices, None, bools, ellipsis) as views, and collects index
        /// tensors (masks become one int64 tensor per masked dim) with the view dimension they index.
        /// </summary>
        (Tensor view, List<(int dim, int source, Tensor index)> advanced) BasicIndex(TensorIndex[] indices)
        {
            int Consumes(TensorIndex i) => i.kind switch
            {
                TensorIndex.Kind.Single or TensorIndex.Kind.Slice => 1,
                TensorIndex.Kind.Tensor => i.tensor!.dtype is ScalarType.Bool or ScalarType.Byte ? (int)i.tensor.ndim : 1,
                _ => 0,
            };
            int consumed = indices.Sum(Consumes);
            if (indices.Count(i => i.kind == TensorIndex.Kind.Ellipsis) > 1) throw new ArgumentException("an index can only have a single ellipsis ('...')");
            if (consumed > ndim) throw new IndexOutOfRangeException($"too many indices for tensor of dimension {ndim} (got {consumed} for shape {ShapeString(_shape)})");

            var result = this;
            var advanced = new List<(int, int, Tensor)>();
            int d = 0, source = 0;
            foreach (var i in indices)
            {
                switch (i.kind)
                {
                    case TensorIndex.Kind.Single:
                        long at = i.startIndexOrBoolOrSingle ?? throw new ArgumentException("TensorIndex.Single needs a value");
                        long size = result._shape[d];
                        if (at < -size || at >= size) throw new IndexOutOfRangeException($"index {at} is out of bounds for dimension {source} with size {size}");
                        result = result.select(d, at);
                        source++;
                        break;
                    case TensorIndex.Kind.Slice:
                        result = result.slice(d, i.startIndexOrBoolOrSingle ?? 0, i.stopIndex ?? long.MaxValue, i.step ?? 1);
                        d++; source++;
                        break;
                    case TensorIndex.Kind.None or TensorIndex.Kind.Null:
                        result = result.unsqueeze(d++);
                        break;
                    case TensorIndex.Kind.Bool:
                        result = result.unsqueeze(d);
                        if (i.startIndexOrBoolOrSingle == 0) result = result.slice(d, 0, 0, 1);
                        d++;
                        break;
                    case TensorIndex.Kind.Ellipsis:
                        d += (int)ndim - consumed;
                        source += (int)ndim - consumed;
                        break;
                    default:
                        var t = i.tensor!;
                        if (t.dtype is ScalarType.Bool or ScalarType.Byte)
                        {
                            var maskShape = result._shape[d..(d + (int)t.ndim)];
                            for (int k = 0; k < t.ndim; k++)
                                if (t._shape[k] != maskShape[k])
                                    throw new IndexOutOfRangeException($"The shape of the mask {ShapeString(t._shape)} at index {k} does not match the shape of the indexed tensor {ShapeString(result._shape)} at index {d + k}");
                            if (t.ndim == 0) { result = result.unsqueeze(d); if (t.item<double>() == 0) result = result.slice(d, 0, 0, 1); d++; break; }
                            foreach (var coordinate in NonZero(t)) advanced.Add((d++, source++, coordinate));
                        }
                        else if (t.dtype is ScalarType.Int64 or ScalarType.Int32) advanced.Add((d++, source++, t.to(ScalarType.Int64)));
                        else throw new IndexOutOfRangeException($"tensors used as indices must be long, int, byte or bool tensors (got {t.dtype})");
                        break;
                }
            }
            return (result, advanced);
        }

        /// <summary>The coordinates of the nonzero elements of a mask, one int64 tensor per dimension (row-major order).</summary>
        static Tensor[] NonZero(Tensor mask)
        {
            var values = Converting.Gather<bool>(mask.to(ScalarType.Bool));
            var coordinates = Enumerable.Range(0, mask._shape.Length).Select(_ => new List<long>()).ToArray();
            var strides = Strided.ContiguousStrides(mask._shape);
            for (long n = 0; n < values.Length; n++)
            {
                if (!values[n]) continue;
                for (int k = 0; k < strides.Length; k++) coordinates[k].Add(n / strides[k] % mask._shape[k]);
            }
            return coordinates.Select(c => tensor(c.ToArray())).ToArray();
        }

        /// <summary>
        /// Advanced indexing: the indexed dims are moved to the front and flattened, the index tensors (broadcast
        /// together) become one linear index, and <see cref="index_select"/> picks the rows. The result dims are the
        /// broadcast index shape, in place of the indexed dims if they were adjacent, else first (PyTorch's rule).
        /// </summary>
        static Tensor AdvancedIndex(Tensor src, List<(int dim, int source, Tensor index)> advanced)
        {
            var dims = advanced.Select(a => a.dim).ToArray();
            var rest = Enumerable.Range(0, src._shape.Length).Where(d => !dims.Contains(d)).ToArray();
            var batch = broadcast_shapes(advanced.Select(a => a.index._shape).ToArray());
            long batchCount = batch.Aggregate(1L, (a, b) => a * b);

            // linear = Σ_j idx_j · (product of the sizes of the indexed dims after j)
            var linear = new long[batchCount];
            long stride = 1;
            for (int j = advanced.Count - 1; j >= 0; j--)
            {
                long size = src._shape[dims[j]];
                var idx = Converting.Gather<long>(advanced[j].index.expand(batch));
                for (long n = 0; n < batchCount; n++)
                {
                    long v = idx[n];
                    if (v < -size || v >= size) throw new IndexOutOfRangeException($"index {v} is out of bounds for dimension {advanced[j].source} with size {size}");
                    linear[n] += (v < 0 ? v + size : v) * stride;
                }
                stride *= size;
            }

            var restShape = rest.Select(d => src._shape[d]).ToArray();
            var rows = src.permute([.. dims.Select(d => (long)d), .. rest.Select(d => (long)d)]).reshape([stride, .. restShape]);
            var picked = rows.index_select(0, tensor(linear)).reshape([.. batch, .. restShape]);
            bool adjacent = dims[^1] - dims[0] == dims.Length - 1;
            if (!adjacent || dims[0] == 0) return picked;
            // Move the batch dims back to where the indexed dims were.
            int lead = dims[0], b = batch.Length;
            var order = Enumerable.Range(b, lead).Concat(Enumerable.Range(0, b)).Concat(Enumerable.Range(b + lead, restShape.Length - lead)).Select(i => (long)i).ToArray();
            return picked.permute(order);
        }

        /// <summary>
        /// The slices at positions <paramref name="index"/> (1-D int64) along <paramref name="dim"/>, as a copy:
        /// out[.., i, ..] = this[.., index[i], ..]. Backward: index_add of the gradient into zeros.
        /// </summary>
        /// <exception cref="ArgumentException">For a non-int64 or non-vector index.</exception>
        /// <exception cref="IndexOutOfRangeException">For an index out of range; names the dimension and size.</exception>
        public Tensor index_select(long dim, Tensor index)
        {
            int d = CheckIndexOp("index_select", dim, index);
            if (index.ndim > 1) throw new ArgumentException($"index_select(): Index is supposed to be a vector, got shape {ShapeString(index._shape)}");
            var idx = CheckedIndices(index, d, _shape[d]);
            var shape = (long[])_shape.Clone();
            shape[d] = idx.Length;
            var result = Empty(shape, dtype);
            Move(storage.Data, AlongDim(shape, _strides, _offset, d, idx, AlongPosition(shape, d)), result.storage.Data, null, false);
            var original = _shape;
            return result.WithGrad("IndexSelectBackward0", [this], g => [zeros(original, g.dtype).index_add(d, index, g)], index);
        }

        /// <summary>
        /// A copy of this with <paramref name="alpha"/>·source added at the given positions along <paramref name="dim"/>:
        /// out[.., index[i], ..] += alpha·source[.., i, ..] (repeated indices accumulate).
        /// Backward: g for this, alpha·g.index_select(dim, index) for source.
        /// </summary>
        public Tensor index_add(long dim, Tensor index, Tensor source, Scalar? alpha = null)
        {
            int d = CheckIndexOp("index_add", dim, index);
            double a = alpha?.ToDouble() ?? 1;
            if (source.ndim != ndim || Enumerable.Range(0, _shape.Length).Any(k => k != d && source._shape[k] != _shape[k]) || source._shape[d] != index.numel())
                throw new ArgumentException($"index_add(): source of shape {ShapeString(source._shape)} does not match self of shape {ShapeString(_shape)} with {index.numel()} indices along dimension {d}");
            var idx = CheckedIndices(index, d, _shape[d]);
            var result = detach().clone();
            var src = (a == 1 ? source.detach() : source.detach().mul(a)).to(dtype);
            Move(src.storage.Data, src.Offsets(), result.storage.Data, AlongDim(source._shape, result._strides, 0, d, idx, AlongPosition(source._shape, d)), true);
            return result.WithGrad("IndexAddBackward0", [this, source],
                g => [g, source.requires_grad ? (a == 1 ? g.index_select(d, index) : g.index_select(d, index).mul(a)).to(source.dtype) : null], index);
        }

        /// <summary>In-place <see cref="index_add"/>.</summary>
        public Tensor index_add_(long dim, Tensor index, Tensor source, Scalar? alpha = null) => InPlace(x => x.index_add(dim, index, source, alpha));

        /// <summary>
        /// Picks along <paramref name="dim"/> elementwise: out[i][j][k] = this[index[i][j][k]][j][k] for dim 0.
        /// The result has the index's shape. Backward: scatter_add of the gradient into zeros (repeats accumulate).
        /// </summary>
        public Tensor gather(long dim, Tensor index)
        {
            int d = CheckIndexOp("gather", dim, index);
            CheckScatterShapes("gather", d, index, null);
            var idx = CheckedIndices(index, d, _shape[d]);
            var result = Empty(index._shape, dtype);
            Move(storage.Data, AlongDim(index._shape, _strides, _offset, d, idx, null), result.storage.Data, null, false);
            var original = _shape;
            return result.WithGrad("GatherBackward0", [this], g => [zeros(original, g.dtype).scatter_add(d, index, g)], index);
        }

        /// <summary>
        /// A copy of this with src written elementwise along <paramref name="dim"/>: out[index[i][j]][j] = src[i][j] for dim 0.
        /// Backward: g with the written positions zeroed for this; g.gather(dim, index) for src.
        /// </summary>
        public Tensor scatter(long dim, Tensor index, Tensor src) => Scatter("ScatterBackward0", dim, index, src, false);

        /// <summary>A copy of this with <paramref name="value"/> written at the positions <paramref name="index"/> names along <paramref name="dim"/>.</summary>
        public Tensor scatter(long dim, Tensor index, Scalar value) =>
            Scatter("ScatterBackward1", dim, index, full(Array.Empty<long>(), value, dtype).expand(index._shape), false);

        /// <summary>In-place <see cref="scatter(long, Tensor, Tensor)"/>.</summary>
        public Tensor scatter_(long dim, Tensor index, Tensor src) => InPlace(x => x.scatter(dim, index, src));

        /// <summary>In-place <see cref="scatter(long, Tensor, Scalar)"/>.</summary>
        public Tensor scatter_(long dim, Tensor index, Scalar value) => InPlace(x => x.scatter(dim, index, value));

        /// <summary>
        /// A copy of this with src added elementwise along <paramref name="dim"/>: out[index[i][j]][j] += src[i][j] for dim 0.
        /// The adjoint of gather. Backward: g for this, g.gather(dim, index) for src.
        /// </summary>
        public Tensor scatter_add(long dim, Tensor index, Tensor src) => Scatter("ScatterAddBackward0", dim, index, src, true);

        /// <summary>In-place <see cref="scatter_add"/>.</summary>
        public Tensor scatter_add_(long dim, Tensor index, Tensor src) => InPlace(x => x.scatter_add(dim, index, src));

        /// <summary>The shared body of scatter (overwrite) and scatter_add (accumulate).</summary>
        Tensor Scatter(string name, long dim, Tensor index, Tensor src, bool accumulate)
        {
            var op = accumulate ? "scatter_add" : "scatter";
            int d = CheckIndexOp(op, dim, index);
            CheckScatterShapes(op, d, index, src);
            var idx = CheckedIndices(index, d, _shape[d]);
            var result = detach().clone();
            var values = src.detach().to(dtype);
            var from = Strided.Offsets(index._shape, values._strides, values._offset);
            Move(values.storage.Data, from, result.storage.Data, AlongDim(index._shape, result._strides, 0, d, idx, null), accumulate);
            var srcShape = src._shape;
            return result.WithGrad(name, [this, src], g => [
                requires_grad ? (accumulate ? g : g.scatter(d, index, 0)) : null,
                src.requires_grad ? PadTo(g.gather(d, index), srcShape).to(src.dtype) : null], index);
        }

        /// <summary>Places <paramref name="g"/> at the start of a zero tensor of <paramref name="shape"/> (g's shape fits inside).</summary>
        static Tensor PadTo(Tensor g, long[] shape)
        {
            if (g._shape.AsSpan().SequenceEqual(shape)) return g;
            var inner = g._shape;
            return ViewScatter(g, shape, t => Enumerable.Range(0, inner.Length).Aggregate(t, (v, k) => v.narrow(k, 0, inner[k])));
        }

        int CheckIndexOp(string op, long dim, Tensor index)
        {
            if (index.dtype != ScalarType.Int64)
                throw new ArgumentException($"{op}(): Expected dtype int64 for index, but got {index.dtype}");
            if (ndim == 0) throw new ArgumentException($"{op}(): the input must have at least one dimension (got a 0-dim tensor)");
            return NormalizeDim(dim, _shape.Length);
        }

        /// <summary>gather/scatter shape rules: same ndim; index no larger than self (except along dim) and than src.</summary>
        void CheckScatterShapes(string op, int d, Tensor index, Tensor? src)
        {
            if (index.ndim != ndim || (src is not null && src.ndim != ndim))
                throw new ArgumentException($"{op}(): Index tensor must have the same number of dimensions as input tensor (index {ShapeString(index._shape)}, input {ShapeString(_shape)})");
            for (int k = 0; k < _shape.Length; k++)
            {
                if (k != d && index._shape[k] > _shape[k])
                    throw new ArgumentException($"{op}(): Size does not match at dimension {k} expected index {ShapeString(index._shape)} to be smaller than self {ShapeString(_shape)} apart from dimension {d}");
                if (src is not null && index._shape[k] > src._shape[k])
                    throw new ArgumentException($"{op}(): Expected index {ShapeString(index._shape)} to be smaller than src {ShapeString(src._shape)} at dimension {k}");
            }
        }

        /// <summary>The index values, each checked to lie in [0, size).</summary>
        static long[] CheckedIndices(Tensor index, int dim, long size)
        {
            var idx = Converting.Gather<long>(index);
            foreach (var v in idx)
                if (v < 0 || v >= size) throw new IndexOutOfRangeException($"index {v} is out of bounds for dimension {dim} with size {size}");
            return idx;
        }

        /// <summary>For each position of a row-major walk of <paramref name="shape"/>: which entry of a 1-D index applies (its coordinate along dim).</summary>
        static int[] AlongPosition(long[] shape, int dim)
        {
            var strides = new long[shape.Length];
            strides[dim] = 1;
            return Strided.Offsets(shape, strides, 0);
        }

        /// <summary>
        /// Storage offsets for a walk over <paramref name="shape"/> where the coordinate along <paramref name="dim"/> is
        /// replaced by an index: offset = start + Σ_{k≠dim} i_k·stride_k + idx·stride_dim. The index entry is
        /// <c>idx[which[n]]</c>, or <c>idx[n]</c> when the index has the walk's shape (gather/scatter).
        /// </summary>
        static int[] AlongDim(long[] shape, long[] strides, long start, int dim, long[] idx, int[]? which)
        {
            var without = (long[])strides.Clone();
            without[dim] = 0;
            var offsets = Strided.Offsets(shape, without, start);
            for (int n = 0; n < offsets.Length; n++) offsets[n] += (int)(idx[which is null ? n : which[n]] * strides[dim]);
            return offsets;
        }
    }

    /// <summary>dst[dstOffsets[n]] = src[srcOffsets[n]] (or += when accumulating); null dstOffsets means dst[n]. Same element type.</summary>
    static void Move(Array src, int[] srcOffsets, Array dst, int[]? dstOffsets, bool accumulate)
    {
        switch (dst)
        {
            case float[] d: Run((float[])src, srcOffsets, d, dstOffsets, accumulate); break;
            case double[] d: Run((double[])src, srcOffsets, d, dstOffsets, accumulate); break;
            case long[] d: Run((long[])src, srcOffsets, d, dstOffsets, accumulate); break;
            case int[] d: Run((int[])src, srcOffsets, d, dstOffsets, accumulate); break;
            case byte[] d: Run((byte[])src, srcOffsets, d, dstOffsets, accumulate); break;
            case bool[] d:
                var s = (bool[])src;
                for (int n = 0; n < srcOffsets.Length; n++)
                {
                    int at = dstOffsets is null ? n : dstOffsets[n];
                    d[at] = s[srcOffsets[n]] || (accumulate && d[at]);
                }
                break;
        }

        static void Run<T>(T[] s, int[] so, T[] d, int[]? dOff, bool accumulate) where T : INumber<T>
        {
            for (int n = 0; n < so.Length; n++)
            {
                int at = dOff is null ? n : dOff[n];
                d[at] = accumulate ? d[at] + s[so[n]] : s[so[n]];
            }
        }
    }

    /// <summary>The slices at <paramref name="index"/> along <paramref name="dim"/>.</summary>
    public static Tensor index_select(Tensor input, long dim, Tensor index) => input.index_select(dim, index);
    /// <summary>Picks elements along a dimension by an index of the output's shape.</summary>
    public static Tensor gather(Tensor input, long dim, Tensor index) => input.gather(dim, index);
    /// <summary>Writes src into a copy of input at the indexed positions.</summary>
    public static Tensor scatter(Tensor input, long dim, Tensor index, Tensor src) => input.scatter(dim, index, src);
    /// <summary>Writes src into input, in place, at the indexed positions.</summary>
    public static Tensor scatter_(Tensor input, long dim, Tensor index, Tensor src) => input.scatter_(dim, index, src);
    /// <summary>Adds src into a copy of input at the indexed positions.</summary>
    public static Tensor scatter_add(Tensor input, long dim, Tensor index, Tensor src) => input.scatter_add(dim, index, src);
    /// <summary>Adds alpha·source into a copy of input at the indexed slices.</summary>
    public static Tensor index_add(Tensor input, long dim, Tensor index, Tensor source, Scalar? alpha = null) => input.index_add(dim, index, source, alpha);
}
