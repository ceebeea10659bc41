namespace Course.Torch;

public static partial class torch
{
    /// <summary>
    /// The shape two shapes broadcast to, by PyTorch's rule: align from the right; each pair of sizes must be equal
    /// or one of them 1; missing leading dims count as 1.
    /// </summary>
    /// <exception cref="ArgumentException">Names both shapes and the offending dimension.</exception>
    public static long[] broadcast_shapes(params long[][] shapes)
    {
        int ndim = shapes.Max(s => s.Length);
        var result = Enumerable.Repeat(1L, ndim).ToArray();
        foreach (var shape in shapes)
        {
            for (int i = 0; i < shape.Length; i++)
            {
                int d = ndim - shape.Length + i;
                long size = shape[i];
                if (size == result[d] || size == 1) continue;
                if (result[d] != 1)
                    throw new ArgumentException($"The size of tensor a ({result[d]}) must match the size of tensor b ({size}) at non-singleton dimension {d}; shapes {string.Join(" and ", shapes.Select(s => ShapeString(s)))} cannot be broadcast together.");
                result[d] = size;
            }
        }
        return result;
    }

    /// <summary>The promotion category of a dtype: 0 bool, 1 integer, 2 float.</summary>
    internal static int Category(ScalarType t) => t == ScalarType.Bool ? 0 : is_floating_point(t) ? 2 : 1;

    /// <summary>
    /// The dtype of a binary op's result (torch.result_type). Tensors with dimensions decide; a 0-dim tensor only
    /// wins when its category (bool &lt; int &lt; float) is higher, so <c>int_tensor * tensor(0.5)</c> is float.
    /// </summary>
    public static ScalarType result_type(Tensor a, Tensor b)
    {
        bool aDim = a.ndim > 0, bDim = b.ndim > 0;
        if (aDim == bDim) return promote_types(a.dtype, b.dtype);
        var (dimmed, zeroDim) = aDim ? (a, b) : (b, a);
        return Category(zeroDim.dtype) > Category(dimmed.dtype) ? zeroDim.dtype : dimmed.dtype;
    }

    /// <summary>The dtype of op(tensor, number): a number only raises the category (int tensor * 0.5 → default float).</summary>
    internal static ScalarType ResultType(Tensor t, Scalar s)
    {
        int scalarCategory = Category(s.Type);
        if (scalarCategory <= Category(t.dtype)) return t.dtype;
        return scalarCategory == 2 ? get_default_dtype() : ScalarType.Int64;
    }

    public partial class Tensor
    {
        /// <summary>
        /// A view repeating size-1 dimensions to <paramref name="sizes"/> without copying (their stride becomes 0).
        /// -1 keeps a size; new leading dimensions may be added.
        /// </summary>
        public Tensor expand(params long[] sizes) => expand(sizes, false);

        /// <summary>Like <see cref="expand(long[])"/>; <paramref name="isImplicit"/> is accepted for TorchSharp compatibility.</summary>
        public Tensor expand(long[] sizes, bool isImplicit)
        {
            if (sizes.Length < _shape.Length)
                throw new ArgumentException($"expand: the number of sizes provided ({sizes.Length}) must be greater or equal to the number of dimensions in the tensor ({_shape.Length}); shape {ShapeString(_shape)}, sizes {ShapeString(sizes)}");
            if (sizes.AsSpan().SequenceEqual(_shape)) return this;
            var shape = new long[sizes.Length];
            var strides = new long[sizes.Length];
            int lead = sizes.Length - _shape.Length;
            for (int d = 0; d < sizes.Length; d++)
            {
                int src = d - lead;
                long size = sizes[d] == -1 && src >= 0 ? _shape[src] : sizes[d];
                if (src < 0) { shape[d] = size; strides[d] = 0; continue; }
                if (_shape[src] == size) { shape[d] = size; strides[d] = _strides[src]; continue; }
                if (_shape[src] != 1)
                    throw new ArgumentException($"The expanded size of the tensor ({size}) must match the existing size ({_shape[src]}) at non-singleton dimension {d}.  Target sizes: {ShapeString(sizes)}.  Tensor sizes: {ShapeString(_shape)}");
                shape[d] = size;
                strides[d] = 0;
            }
            var view = new Tensor(storage, shape, strides, _offset, dtype);
            var original = _shape;
            return view.WithGrad("ExpandBackward0", [this], g => [g.SumTo(original)]);
        }

        /// <summary>Expands to another tensor's shape.</summary>
        public Tensor expand_as(Tensor other) => expand(other._shape);

        /// <summary>
        /// Sums a broadcast gradient back down to <paramref name="target"/>: over the leading dims broadcasting added
        /// and over dims where the target has size 1. The adjoint of expand.
        /// </summary>
        internal Tensor SumTo(long[] target)
        {
            if (_shape.AsSpan().SequenceEqual(target)) return this;
            int lead = _shape.Length - target.Length;
            var dims = new List<long>();
            for (int d = 0; d < _shape.Length; d++)
                if (d < lead || (target[d - lead] == 1 && _shape[d] != 1)) dims.Add(d);
            var summed = dims.Count == 0 ? this : sum(dims.ToArray(), keepdim: true);
            return summed.reshape(target);
        }
    }
}
