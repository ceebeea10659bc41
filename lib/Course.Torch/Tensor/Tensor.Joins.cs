namespace Course.Torch;

public static partial class torch
{
    /// <summary>
    /// Joins tensors end to end along <paramref name="dim"/>; all other sizes must match. Dtypes promote as in
    /// PyTorch; 1-D empty tensors are skipped (legacy behaviour). Backward: each input gets its narrow of the gradient.
    /// </summary>
    /// <exception cref="ArgumentException">Names the mismatching dimension, sizes and tensor number.</exception>
    public static Tensor cat(IList<Tensor> tensors, long dim = 0)
    {
        if (tensors.Count == 0) throw new ArgumentException("torch.cat(): expected a non-empty list of Tensors");
        var parts = Enumerable.Range(0, tensors.Count).Where(i => !(tensors[i].ndim == 1 && tensors[i].numel() == 0)).ToArray();
        if (parts.Length == 0) return tensors[0].clone();
        var first = tensors[parts[0]];
        int ndim = first._shape.Length;
        if (ndim == 0) throw new ArgumentException($"zero-dimensional tensor (at position {parts[0]}) cannot be concatenated");
        int d = NormalizeDim(dim, ndim);
        var dtype = parts.Select(i => tensors[i].dtype).Aggregate(promote_types);
        var shape = (long[])first._shape.Clone();
        shape[d] = 0;
        foreach (var i in parts)
        {
            var t = tensors[i];
            if (t._shape.Length != ndim)
                throw new ArgumentException($"Tensors must have same number of dimensions: got {ndim} and {t._shape.Length} (shapes {ShapeString(first._shape)} and {ShapeString(t._shape)})");
            for (int k = 0; k < ndim; k++)
                if (k != d && t._shape[k] != first._shape[k])
                    throw new ArgumentException($"Sizes of tensors must match except in dimension {d}. Expected size {first._shape[k]} but got size {t._shape[k]} for tensor number {i} in the list.");
            shape[d] += t._shape[d];
        }

        var result = Tensor.Empty(shape, dtype);
        var starts = new long[tensors.Count];
        long offset = 0;
        foreach (var i in parts)
        {
            var t = tensors[i];
            starts[i] = offset;
            Tensor target;
            using (no_grad()) target = result.narrow(d, offset, t._shape[d]);
            Converting.CopyStrided(t.detach().to(dtype), target);
            offset += t._shape[d];
        }
        var inputs = tensors.ToArray();
        return result.WithGrad("CatBackward0", inputs, g => inputs.Select((t, i) =>
            !t.requires_grad ? null : parts.Contains(i) ? g.narrow(d, starts[i], t._shape[d]).to(t.dtype) : zeros(t._shape, t.dtype)).ToArray());
    }

    /// <summary>Same as <see cref="cat"/>.</summary>
    public static Tensor concat(IList<Tensor> tensors, long dim = 0) => cat(tensors, dim);

    /// <summary>Same as <see cref="cat"/>.</summary>
    public static Tensor concatenate(IList<Tensor> tensors, long axis = 0) => cat(tensors, axis);

    /// <summary>Joins equal-shaped tensors along a new dimension <paramref name="dim"/>: cat of unsqueezed tensors.</summary>
    /// <exception cref="ArgumentException">When the shapes differ; names both.</exception>
    public static Tensor stack(IEnumerable<Tensor> tensors, long dim = 0)
    {
        var list = tensors.ToList();
        if (list.Count == 0) throw new ArgumentException("stack expects a non-empty TensorList");
        for (int i = 1; i < list.Count; i++)
            if (!list[i]._shape.AsSpan().SequenceEqual(list[0]._shape))
                throw new ArgumentException($"stack expects each tensor to be equal size, but got {ShapeString(list[0]._shape)} at entry 0 and {ShapeString(list[i]._shape)} at entry {i}");
        int d = NormalizeDim(dim, list[0]._shape.Length + 1);
        return cat(list.Select(t => t.unsqueeze(d)).ToList(), d);
    }

    /// <summary>Joins column-wise: along dim 1, or dim 0 for 1-D tensors.</summary>
    public static Tensor hstack(IList<Tensor> tensors) => cat(tensors, tensors.All(t => t.ndim <= 1) ? 0 : 1);

    /// <summary>Joins row-wise: 1-D tensors become rows, then cat along dim 0.</summary>
    public static Tensor vstack(IList<Tensor> tensors) => cat(tensors.Select(t => t.ndim >= 2 ? t : t.reshape(1, -1)).ToList(), 0);

    /// <summary>Views of pieces with the given sizes along a dimension.</summary>
    public static Tensor[] split(Tensor tensor, long[] split_size_or_sections, long dim = 0L) => tensor.split(split_size_or_sections, dim);

    /// <summary>Splits into at most <paramref name="chunks"/> views along a dimension.</summary>
    public static Tensor[] chunk(Tensor input, long chunks, long dim = 0) => input.chunk(chunks, dim);

    public partial class Tensor
    {
        /// <summary>Views of consecutive pieces of <paramref name="size"/> along <paramref name="dim"/> (the last may be smaller).</summary>
        /// <exception cref="ArgumentException">When size is not positive.</exception>
        public Tensor[] split(long size, long dim = 0)
        {
            int d = NormalizeDim(dim, _shape.Length);
            if (size <= 0 && _shape[d] > 0) throw new ArgumentException($"split expects split_size be positive, but got split_size={size}");
            long n = _shape[d];
            long count = Math.Max(1, (n + size - 1) / Math.Max(size, 1));
            return split(Enumerable.Range(0, (int)count).Select(i => Math.Min(size, n - i * size)).ToArray(), d);
        }

        /// <summary>Views of pieces with the given <paramref name="sizes"/> along <paramref name="dim"/>; they must sum to the dim's size.</summary>
        /// <exception cref="ArgumentException">When the sizes don't add up; names them and the dim size.</exception>
        public Tensor[] split(long[] sizes, long dim = 0)
        {
            int d = NormalizeDim(dim, _shape.Length);
            if (sizes.Sum() != _shape[d] || sizes.Any(s => s < 0))
                throw new ArgumentException($"split_with_sizes expects split_sizes to sum exactly to {_shape[d]} (input tensor's size at dimension {d}), but got split_sizes={ShapeString(sizes)}");
            var pieces = new Tensor[sizes.Length];
            long start = 0;
            for (int i = 0; i < sizes.Length; i++) { pieces[i] = narrow(d, start, sizes[i]); start += sizes[i]; }
            return pieces;
        }

        /// <summary>Splits into at most <paramref name="chunks"/> views of ceil(size / chunks) along <paramref name="dim"/>.</summary>
        /// <exception cref="ArgumentException">When chunks is not positive.</exception>
        public Tensor[] chunk(long chunks, long dim = 0)
        {
            if (chunks <= 0) throw new ArgumentException($"chunk expects `chunks` to be greater than 0, got: {chunks}");
            int d = NormalizeDim(dim, _shape.Length);
            long size = (_shape[d] + chunks - 1) / chunks;
            return split(Math.Max(size, 1), d);
        }
    }
}
