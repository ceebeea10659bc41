namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>A tensor over the same storage with another shape, strides and offset (no grad tracking).</summary>
        internal Tensor AsView(long[] shape, long[] strides, long offset) => new(storage, shape, strides, offset, dtype);

        /// <summary>
        /// A view with dimensions <paramref name="dim0"/> and <paramref name="dim1"/> swapped (their strides swap).
        /// Backward: transpose the gradient back.
        /// </summary>
        public Tensor transpose(long dim0, long dim1)
        {
            int a = NormalizeDim(dim0, _shape.Length), b = NormalizeDim(dim1, _shape.Length);
            if (a == b || ndim == 0) return AsView(_shape, _strides, _offset).WithGrad("TransposeBackward0", [this], g => [g]);
            var order = Enumerable.Range(0, _shape.Length).ToArray();
            (order[a], order[b]) = (order[b], order[a]);
            return PermuteView(order).WithGrad("TransposeBackward0", [this], g => [g.transpose(a, b)]);
        }

        /// <summary>Same as <see cref="transpose"/>.</summary>
        public Tensor swapdims(long dim0, long dim1) => transpose(dim0, dim1);

        /// <summary>Same as <see cref="transpose"/>.</summary>
        public Tensor swapaxes(long dim0, long dim1) => transpose(dim0, dim1);

        /// <summary>
        /// A view whose dimension i is this tensor's dimension <c>permutation[i]</c>.
        /// Backward: permute the gradient by the inverse permutation.
        /// </summary>
        /// <exception cref="ArgumentException">When the permutation has the wrong length or repeats a dim.</exception>
        public Tensor permute(params long[] permutation)
        {
            int n = _shape.Length;
            if (permutation.Length != n)
                throw new ArgumentException($"permute: number of dims don't match: the tensor of shape {ShapeString(_shape)} has {n} dims but the permutation {ShapeString(permutation)} has {permutation.Length}");
            var order = permutation.Select(p => NormalizeDim(p, n)).ToArray();
            if (order.Distinct().Count() != n) throw new ArgumentException($"permute: repeated dim in permutation {ShapeString(permutation)}");
            var inverse = new long[n];
            for (int i = 0; i < n; i++) inverse[order[i]] = i;
            return PermuteView(order).WithGrad("PermuteBackward0", [this], g => [g.permute(inverse)]);
        }

        /// <summary>This tensor with its dimensions reversed (a view), as TorchSharp defines <c>T</c>.</summary>
        public Tensor T => permute(Enumerable.Range(0, _shape.Length).Reverse().Select(i => (long)i).ToArray());

        /// <summary>A view with the last two dimensions transposed (batches of matrices).</summary>
        /// <exception cref="InvalidOperationException">For tensors with fewer than 2 dims.</exception>
        public Tensor mT => ndim >= 2 ? transpose(-2, -1)
            : throw new InvalidOperationException($"tensor.mT is only supported on matrices or batches of matrices. Got {ndim}-D tensor.");

        /// <summary>Transposes a 2-D tensor; 0-D and 1-D tensors are returned as they are.</summary>
        /// <exception cref="InvalidOperationException">For more than 2 dims.</exception>
        public Tensor t() => ndim <= 2 ? transpose(0, ndim == 2 ? 1 : 0)
            : throw new InvalidOperationException($"t() expects a tensor with <= 2 dimensions, but self is {ndim}D (shape {ShapeString(_shape)})");

        /// <summary>
        /// Merges dims <paramref name="start_dim"/>..<paramref name="end_dim"/> into one (a view when possible, as reshape).
        /// A 0-dim tensor becomes 1-D.
        /// </summary>
        public Tensor flatten(long start_dim = 0, long end_dim = -1)
        {
            if (ndim == 0) return reshape(1);
            int s = NormalizeDim(start_dim, _shape.Length), e = NormalizeDim(end_dim, _shape.Length);
            if (s > e) throw new ArgumentException($"flatten() has invalid args: start_dim ({start_dim}) cannot come after end_dim ({end_dim})");
            long merged = 1;
            for (int d = s; d <= e; d++) merged *= _shape[d];
            return reshape([.. _shape[..s], merged, .. _shape[(e + 1)..]]);
        }

        /// <summary>Splits dimension <paramref name="dim"/> into <paramref name="sizes"/> (one may be -1). Inverse of flatten.</summary>
        /// <exception cref="ArgumentException">When the sizes don't multiply to the dim's size.</exception>
        public Tensor unflatten(long dim, params long[] sizes)
        {
            int d = NormalizeDim(dim, _shape.Length);
            if (sizes.Length == 0) throw new ArgumentException("unflatten: sizes must be non-empty");
            long known = sizes.Where(s => s != -1).Aggregate(1L, (a, b) => a * b);
            var filled = sizes.Select(s => s == -1 && known != 0 ? _shape[d] / known : s).ToArray();
            if (filled.Aggregate(1L, (a, b) => a * b) != _shape[d] || sizes.Count(s => s == -1) > 1)
                throw new ArgumentException($"unflatten: Provided sizes {ShapeString(sizes)} don't multiply up to the size of dim {dim} ({_shape[d]}) in the input tensor of shape {ShapeString(_shape)}");
            return reshape([.. _shape[..d], .. filled, .. _shape[(d + 1)..]]);
        }

        /// <summary>
        /// Removes size-1 dimensions: all of them, or only <paramref name="dim"/> (left alone if its size is not 1).
        /// A view; backward reshapes the gradient back.
        /// </summary>
        public Tensor squeeze(long? dim = null)
        {
            int only = dim is { } dd ? NormalizeDim(dd, _shape.Length) : -1;
            var keep = Enumerable.Range(0, _shape.Length).Where(d => _shape[d] != 1 || (only >= 0 && d != only)).ToArray();
            var original = _shape;
            var view = AsView(keep.Select(d => _shape[d]).ToArray(), keep.Select(d => _strides[d]).ToArray(), _offset);
            return view.WithGrad("SqueezeBackward0", [this], g => [g.reshape(original)]);
        }

        /// <summary>A view with a size-1 dimension inserted at <paramref name="dim"/> (in [-ndim-1, ndim]).</summary>
        public Tensor unsqueeze(long dim)
        {
            int d = NormalizeDim(dim, _shape.Length + 1);
            long stride = d < _shape.Length ? _shape[d] * _strides[d] : 1;
            var original = _shape;
            var view = AsView([.. _shape[..d], 1, .. _shape[d..]], [.. _strides[..d], stride, .. _strides[d..]], _offset);
            return view.WithGrad("UnsqueezeBackward0", [this], g => [g.reshape(original)]);
        }

        /// <summary>
        /// The view at position <paramref name="index"/> along <paramref name="dim"/>, with that dim removed:
        /// offset += index·stride[dim]. Backward writes the gradient into a zero tensor at that position.
        /// </summary>
        /// <exception cref="IndexOutOfRangeException">Names the index, the dim and its size.</exception>
        public Tensor select(long dim, long index)
        {
            if (ndim == 0) throw new IndexOutOfRangeException("select() cannot be applied to a 0-dim tensor.");
            int d = NormalizeDim(dim, _shape.Length);
            long size = _shape[d];
            if (index < -size || index >= size)
                throw new IndexOutOfRangeException($"index {index} is out of bounds for dimension {d} with size {size}");
            long i = index < 0 ? index + size : index;
            var view = AsView([.. _shape[..d], .. _shape[(d + 1)..]], [.. _strides[..d], .. _strides[(d + 1)..]], _offset + i * _strides[d]);
            var original = _shape;
            return view.WithGrad("SelectBackward0", [this], g => [ViewScatter(g, original, t => t.select(d, i))]);
        }

        /// <summary>
        /// Every <paramref name="step"/>-th element of <paramref name="dim"/> from <paramref name="start"/> up to (not including)
        /// <paramref name="finish"/>, as a view. Negative bounds count from the end; bounds past the ends are clamped
        /// (Python slicing). Backward writes the gradient into a zero tensor at the sliced positions.
        /// </summary>
        /// <exception cref="ArgumentException">When step is not positive.</exception>
        public Tensor slice(long dim, long start, long finish, long step)
        {
            if (step <= 0) throw new ArgumentException($"slice step must be positive (got {step}); negative steps are not supported, use flip");
            int d = NormalizeDim(dim, _shape.Length);
            long size = _shape[d];
            long Clamp(long v) => Math.Clamp(v < 0 ? v + size : v, 0, size);
            long s = Clamp(start), f = Math.Max(Clamp(finish), s);
            long length = (f - s + step - 1) / step;
            var shape = (long[])_shape.Clone();
            var strides = (long[])_strides.Clone();
            shape[d] = length;
            strides[d] *= step;
            var view = AsView(shape, strides, _offset + (length > 0 ? s * _strides[d] : 0));
            var original = _shape;
            return view.WithGrad("SliceBackward0", [this], g => [ViewScatter(g, original, t => t.slice(d, s, f, step))]);
        }

        /// <summary>
        /// The view of <paramref name="length"/> elements of <paramref name="dim"/> starting at <paramref name="start"/>
        /// (negative start counts from the end).
        /// </summary>
        /// <exception cref="ArgumentException">When the range does not fit in the dim.</exception>
        public Tensor narrow(long dim, long start, long length)
        {
            int d = NormalizeDim(dim, _shape.Length);
            long size = _shape[d];
            long s = start < 0 ? start + size : start;
            if (s < 0 || length < 0 || s + length > size)
                throw new ArgumentException($"narrow: start ({start}) + length ({length}) exceeds dimension size ({size}) of dimension {d} in shape {ShapeString(_shape)}");
            return slice(d, s, s + length, 1);
        }

        /// <summary>All slices along <paramref name="dim"/>, each with that dim removed (views).</summary>
        public Tensor[] unbind(long dim = 0)
        {
            int d = NormalizeDim(dim, _shape.Length);
            return Enumerable.Range(0, (int)_shape[d]).Select(i => select(d, i)).ToArray();
        }
    }

    /// <summary>
    /// The adjoint of a view op: a zero tensor of <paramref name="baseShape"/> with <paramref name="g"/> written into
    /// <c>view(zeros)</c>. Its own gradient is <c>view(gg)</c>, so double backward works.
    /// </summary>
    internal static Tensor ViewScatter(Tensor g, long[] baseShape, Func<Tensor, Tensor> view)
    {
        var result = zeros(baseShape, g.dtype);
        Tensor target;
        using (no_grad()) target = view(result);
        Converting.CopyStrided(g.detach(), target);
        return result.WithGrad("SliceBackwardBackward0", [g], gg => [view(gg)]);
    }

    /// <summary>Swaps two dimensions (a view).</summary>
    public static Tensor transpose(Tensor input, long dim0, long dim1) => input.transpose(dim0, dim1);
    /// <summary>Reorders the dimensions (a view).</summary>
    public static Tensor permute(Tensor input, params long[] permutation) => input.permute(permutation);
    /// <summary>Transposes a 2-D tensor.</summary>
    public static Tensor t(Tensor input) => input.t();
    /// <summary>Merges a range of dimensions into one.</summary>
    public static Tensor flatten(Tensor input, long start_dim = 0, long end_dim = -1) => input.flatten(start_dim, end_dim);
    /// <summary>Splits one dimension into several.</summary>
    public static Tensor unflatten(Tensor input, long dim, params long[] sizes) => input.unflatten(dim, sizes);
    /// <summary>Removes size-1 dimensions.</summary>
    public static Tensor squeeze(Tensor input, long? dim = null) => input.squeeze(dim);
    /// <summary>Inserts a size-1 dimension.</summary>
    public static Tensor unsqueeze(Tensor input, long dim) => input.unsqueeze(dim);
    /// <summary>A view of a range along one dimension.</summary>
    public static Tensor narrow(Tensor input, long dim, long start, long length) => input.narrow(dim, start, length);
    /// <summary>The view at one position along a dimension, with that dimension removed.</summary>
    public static Tensor select(Tensor input, long dim, long index) => input.select(dim, index);
    /// <summary>Swaps two dimensions (a view).</summary>
    public static Tensor swapaxes(Tensor input, long axis0, long axis1) => input.swapaxes(axis0, axis1);
    /// <summary>Swaps two dimensions (a view).</summary>
    public static Tensor swapdims(Tensor input, long dim0, long dim1) => input.swapdims(dim0, dim1);
    /// <summary>The slices along a dimension.</summary>
    public static Tensor[] unbind(Tensor input, long dim = 0) => input.unbind(dim);
}
