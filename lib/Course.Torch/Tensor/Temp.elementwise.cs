namespace Course.Torch;

public static partial class torch
{
    public sealed partial class Tensor
    {
        /// <summary>The transpose of a 2-D tensor as a view (minimal stand-in until the indexing branch is merged).</summary>
        public Tensor t()
        {
            if (_shape.Length != 2) throw new ArgumentException($"t() expects a 2-D tensor, got shape {ShapeString(_shape)}");
            var view = new Tensor(storage, [_shape[1], _shape[0]], [_strides[1], _strides[0]], _offset, dtype);
            return view.WithGrad("TBackward0", [this], g => [g.t()]);
        }
    }
}
