using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>condition ? this : y elementwise (TorchSharp's method form of <see cref="torch.where"/>).</summary>
        public Tensor where(Tensor condition, Tensor y) => torch.where(condition, this, y);

        /// <summary>
        /// A copy with <paramref name="value"/> written where <paramref name="mask"/> (bool, broadcast) is true.
        /// The gradient is zero at the filled positions.
        /// </summary>
        /// <exception cref="ArgumentException">For a non-bool mask or shapes that do not broadcast.</exception>
        public Tensor masked_fill(Tensor mask, Scalar value)
        {
            if (mask.dtype != ScalarType.Bool)
                throw new ArgumentException($"masked_fill only supports boolean masks, but got mask with dtype {mask.dtype} (input shape {ShapeString(_shape)}, mask shape {ShapeString(mask._shape)}); use mask.@bool() or a comparison such as x > 0.");
            var result = Select(mask, full(Array.Empty<long>(), value.Value, dtype), this, dtype);
            return result.WithGrad("MaskedFillBackward0", [this], g => [torch.where(mask, ZeroLike(g), g).SumTo(_shape)], mask);
        }

        /// <summary>In place: writes <paramref name="value"/> where <paramref name="mask"/> is true.</summary>
        public Tensor masked_fill_(Tensor mask, Scalar value) => InPlace(x => x.masked_fill(mask, value));

        /// <summary>
        /// max(this, other) elementwise with broadcasting (NaN if either is NaN). The gradient goes to the larger
        /// input; ties split it half and half, as PyTorch.
        /// </summary>
        public Tensor maximum(Tensor other)
        {
            var result = Binary<MaxOp>(this, other);
            return result.WithGrad("MaximumBackward0", [this, other], g => MinMaxBackward(g, this, other, isMax: true), this, other);
        }

        /// <summary>min(this, other) elementwise with broadcasting. Ties split the gradient half and half.</summary>
        public Tensor minimum(Tensor other)
        {
            var result = Binary<MinOp>(this, other);
            return result.WithGrad("MinimumBackward0", [this, other], g => MinMaxBackward(g, this, other, isMax: false), this, other);
        }

        /// <summary>
        /// Clamps every element into [min, max] (either bound may be null). The gradient passes where
        /// min ≤ x ≤ max (inclusive) and is zero elsewhere.
        /// </summary>
        public Tensor clamp(Scalar? min = null, Scalar? max = null)
        {
            var lo = min is { } m ? ScalarTensor(m) : null;
            var hi = max is { } M ? ScalarTensor(M) : null;
            var result = ClampKernel(lo, hi);
            return result.WithGrad("ClampBackward1", [this], g => [torch.where(InsideMask(lo, hi), g, ZeroLike(g))], this);
        }

        /// <summary>
        /// Clamps into [min, max] given as tensors (broadcast). Gradients: x where min ≤ x ≤ max; min where
        /// x &lt; min &lt; max; max where x &gt; max or max &lt; min (then the result is max everywhere).
        /// </summary>
        public Tensor clamp(Tensor? min = null, Tensor? max = null)
        {
            var result = ClampKernel(min, max);
            var inputs = new[] { this, min, max }.OfType<Tensor>().ToArray();
            return result.WithGrad("ClampBackward0", inputs, g =>
            {
                var zero = ZeroLike(g);
                var grads = new List<Tensor?> { torch.where(InsideMask(min, max), g, zero).SumTo(_shape) };
                if (min is not null)
                {
                    var below = max is null ? lt(min) : lt(min).logical_and(min.lt(max));
                    grads.Add(torch.where(below, g, zero).SumTo(min._shape));
                }
                if (max is not null)
                {
                    var above = min is null ? gt(max) : gt(max).logical_or(max.lt(min));
                    grads.Add(torch.where(above, g, zero).SumTo(max._shape));
                }
                return grads.ToArray();
            }, inputs);
        }

        /// <summary>max(x, min) elementwise.</summary>
        public Tensor clamp_min(Scalar min) => clamp(min, null);
        /// <summary>min(x, max) elementwise.</summary>
        public Tensor clamp_max(Scalar max) => clamp(null, max);
        /// <summary>Alias of <see cref="clamp(Scalar?, Scalar?)"/>.</summary>
        public Tensor clip(Scalar? min = null, Scalar? max = null) => clamp(min, max);

        /// <summary>In place: clamps into [min, max].</summary>
        public Tensor clamp_(Scalar? min = null, Scalar? max = null) => InPlace(x => x.clamp(min, max));
        /// <summary>In place: clamps into [min, max] given as tensors.</summary>
        public Tensor clamp_(Tensor? min = null, Tensor? max = null) => InPlace(x => x.clamp(min, max));
        /// <summary>In place: max(x, min).</summary>
        public Tensor clamp_min_(Scalar min) => InPlace(x => x.clamp_min(min));
        /// <summary>In place: min(x, max).</summary>
        public Tensor clamp_max_(Scalar max) => InPlace(x => x.clamp_max(max));

        /// <summary>min(max(x, lo), hi), untracked; when lo &gt; hi this gives hi, as PyTorch.</summary>
        Tensor ClampKernel(Tensor? lo, Tensor? hi)
        {
            if (lo is null && hi is null) throw new ArgumentException("clamp: at least one of 'min' or 'max' must not be None");
            var result = lo is null ? this : Binary<MaxOp>(this, lo);
            return hi is null ? result : Binary<MinOp>(result, hi);
        }

        /// <summary>lo ≤ x ≤ hi (a missing bound is no constraint); false at NaN.</summary>
        Tensor InsideMask(Tensor? lo, Tensor? hi)
        {
            if (lo is null) return le(hi!);
            return hi is null ? ge(lo) : ge(lo).logical_and(le(hi));
        }
    }

    /// <summary>
    /// d max(a,b)/da = 1 where a &gt; b, ½ where a = b, 0 where a &lt; b (and symmetrically for b); min swaps the roles.
    /// </summary>
    static Tensor?[] MinMaxBackward(Tensor g, Tensor a, Tensor b, bool isMax)
    {
        var half = where(a.eq(b), full(Array.Empty<long>(), 0.5, g.dtype), full(Array.Empty<long>(), 1, g.dtype));
        var (aLoses, bLoses) = isMax ? (a.lt(b), a.gt(b)) : (a.gt(b), a.lt(b));
        return
        [
            a.requires_grad ? g.mul(half.masked_fill(aLoses, 0)).SumTo(a._shape) : null,
            b.requires_grad ? g.mul(half.masked_fill(bLoses, 0)).SumTo(b._shape) : null,
        ];
    }

    /// <summary>
    /// condition ? x : y elementwise; all three broadcast together and x, y promote to a common dtype.
    /// Gradients: x gets g where condition holds, y gets g elsewhere.
    /// </summary>
    /// <exception cref="ArgumentException">For a non-bool condition or shapes that do not broadcast (names all three).</exception>
    public static Tensor where(Tensor condition, Tensor x, Tensor y)
    {
        if (condition.dtype != ScalarType.Bool)
            throw new ArgumentException($"where expected condition to be a boolean tensor, but got a tensor with dtype {condition.dtype} (shape {ShapeString(condition._shape)})");
        var result = Select(condition, x, y, result_type(x, y));
        return result.WithGrad("WhereBackward0", [x, y], g =>
        {
            var zero = ZeroLike(g);
            return
            [
                x.requires_grad ? where(condition, g, zero).SumTo(x._shape) : null,
                y.requires_grad ? where(condition, zero, g).SumTo(y._shape) : null,
            ];
        }, condition);
    }

    /// <summary>The untracked selection kernel behind where and masked_fill.</summary>
    static Tensor Select(Tensor condition, Tensor x, Tensor y, ScalarType dtype)
    {
        var shape = broadcast_shapes(condition._shape, x._shape, y._shape);
        var c = condition.detach().expand(shape);
        var a = x.detach().to(dtype).expand(shape);
        var b = y.detach().to(dtype).expand(shape);
        var result = Tensor.Empty(shape, dtype);
        switch (dtype)
        {
            case ScalarType.Float32: ElementwiseExtra.Select<float>(c, a, b, result); break;
            case ScalarType.Float64: ElementwiseExtra.Select<double>(c, a, b, result); break;
            case ScalarType.Int64: ElementwiseExtra.Select<long>(c, a, b, result); break;
            case ScalarType.Int32: ElementwiseExtra.Select<int>(c, a, b, result); break;
            case ScalarType.Byte: ElementwiseExtra.Select<byte>(c, a, b, result); break;
            default: ElementwiseExtra.Select<bool>(c, a, b, result); break;
        }
        return result;
    }

    /// <summary>Elementwise maximum with broadcasting.</summary>
    public static Tensor maximum(Tensor input, Tensor other) => input.maximum(other);
    /// <summary>Elementwise minimum with broadcasting.</summary>
    public static Tensor minimum(Tensor input, Tensor other) => input.minimum(other);
    /// <summary>Clamps into [min, max].</summary>
    public static Tensor clamp(Tensor input, Scalar? min = null, Scalar? max = null) => input.clamp(min, max);
    /// <summary>Clamps into [min, max] given as tensors.</summary>
    public static Tensor clamp(Tensor input, Tensor? min = null, Tensor? max = null) => input.clamp(min, max);
    /// <summary>In place: clamps into [min, max].</summary>
    public static Tensor clamp_(Tensor input, Scalar? min = null, Scalar? max = null) => input.clamp_(min, max);
    /// <summary>In place: clamps into [min, max] given as tensors.</summary>
    public static Tensor clamp_(Tensor input, Tensor? min = null, Tensor? max = null) => input.clamp_(min, max);
    /// <summary>max(x, min).</summary>
    public static Tensor clamp_min(Tensor input, Scalar min) => input.clamp_min(min);
    /// <summary>min(x, max).</summary>
    public static Tensor clamp_max(Tensor input, Scalar max) => input.clamp_max(max);
    /// <summary>Alias of clamp.</summary>
    public static Tensor clip(Tensor input, Scalar? min = null, Scalar? max = null) => input.clip(min, max);
    /// <summary>A copy with <paramref name="value"/> where <paramref name="mask"/> is true.</summary>
    public static Tensor masked_fill(Tensor input, Tensor mask, Scalar value) => input.masked_fill(mask, value);
}
