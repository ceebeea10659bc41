namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>
        /// The same elements in a new shape (one size may be -1, inferred). A view when the strides allow it,
        /// otherwise a copy, exactly like PyTorch's reshape.
        /// </summary>
        /// <exception cref="ArgumentException">When the element counts differ; names both shapes.</exception>
        public Tensor reshape(params long[] shape)
        {
            var target = InferShape(shape);
            return (is_contiguous() ? this : contiguous()).ViewAs(target, "ReshapeAliasBackward0");
        }

        /// <summary>A view with a new shape; the tensor must be contiguous (use reshape otherwise).</summary>
        /// <exception cref="InvalidOperationException">For a non-contiguous tensor.</exception>
        public Tensor view(params long[] shape)
        {
            var target = InferShape(shape);
            if (!is_contiguous())
                throw new InvalidOperationException($"view size is not compatible with input tensor's size and stride (shape {ShapeString(_shape)}, strides {ShapeString(_strides)}); at least one dimension spans across two contiguous subspaces. Use .reshape(...) instead.");
            return ViewAs(target, "ViewBackward0");
        }

        /// <summary>Views this tensor with another tensor's shape.</summary>
        public Tensor view_as(Tensor other) => view(other._shape);

        /// <summary>Reshapes to another tensor's shape.</summary>
        public Tensor reshape_as(Tensor other) => reshape(other._shape);

        Tensor ViewAs(long[] target, string name)
        {
            if (target.AsSpan().SequenceEqual(_shape)) return this;
            var view = new Tensor(storage, target, Kernels.Strided.ContiguousStrides(target), _offset, dtype);
            var original = _shape;
            return view.WithGrad(name, [this], g => [g.reshape(original)]);
        }

        long[] InferShape(long[] shape)
        {
            var target = (long[])shape.Clone();
            long known = 1;
            int infer = -1;
            for (int i = 0; i < target.Length; i++)
            {
                if (target[i] == -1)
                {
                    if (infer >= 0) throw new ArgumentException("only one dimension can be inferred");
                    infer = i;
                }
                else if (target[i] < 0) throw new ArgumentException($"invalid shape dimension {target[i]} in {ShapeString(shape)}");
                else known *= target[i];
            }
            long n = numel();
            if (infer >= 0 && known != 0 && n % known == 0) target[infer] = n / known;
            else if (infer >= 0 || known != n)
                throw new ArgumentException($"shape '{ShapeString(shape)}' is invalid for input of size {n} (input shape {ShapeString(_shape)})");
            return target;
        }
    }
}
