namespace Course.Torch;

public static partial class torch
{
    public sealed partial class Tensor
    {
        /// <summary>A view with dimensions <paramref name="dim0"/> and <paramref name="dim1"/> swapped (shape and strides
        /// exchanged, no copy). Its backward is the same transpose.</summary>
        public Tensor transpose(long dim0, long dim1)
        {
            int d0 = NormalizeDim(dim0, _shape.Length), d1 = NormalizeDim(dim1, _shape.Length);
            if (d0 == d1 || _shape.Length < 2) return this;
            var order = Enumerable.Range(0, _shape.Length).ToArray();
            (order[d0], order[d1]) = (d1, d0);
            return PermuteView(order).WithGrad("TransposeBackward0", [this], g => [g.transpose(dim0, dim1)]);
        }

        /// <summary>The last two dimensions swapped: a batch of transposed matrices.</summary>
        /// <exception cref="InvalidOperationException">For tensors with fewer than 2 dimensions.</exception>
        public Tensor mT => ndim >= 2 ? transpose(-2, -1)
            : throw new InvalidOperationException($"tensor.mT is only supported on matrices or batches of matrices. Got {ndim}-D tensor.");
    }
}
