namespace Course.Torch;

public static partial class torch
{
    /// <summary>Zeros with the shape (and by default the dtype) of <paramref name="input"/>.</summary>
    public static Tensor zeros_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        zeros(input._shape, dtype ?? input.dtype, device, requires_grad);

    /// <summary>Ones with the shape (and by default the dtype) of <paramref name="input"/>.</summary>
    public static Tensor ones_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        ones(input._shape, dtype ?? input.dtype, device, requires_grad);

    /// <summary>An uninitialised tensor (zeros here) with the shape and by default the dtype of <paramref name="input"/>.</summary>
    public static Tensor empty_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        empty(input._shape, dtype ?? input.dtype, device, requires_grad);

    /// <summary><paramref name="value"/> everywhere, with the shape and by default the dtype of <paramref name="input"/>.</summary>
    public static Tensor full_like(Tensor input, Scalar value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full(input._shape, value, dtype ?? input.dtype, device, requires_grad);

    /// <summary>U[0, 1) samples with the shape and by default the dtype of <paramref name="input"/>.</summary>
    public static Tensor rand_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        rand(input._shape, dtype ?? input.dtype, device, requires_grad);

    /// <summary>N(0, 1) samples with the shape and by default the dtype of <paramref name="input"/>.</summary>
    public static Tensor randn_like(Tensor input, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        randn(input._shape, dtype ?? input.dtype, device, requires_grad);

    /// <summary>Integers uniform in [low, high) with the shape and by default the dtype of <paramref name="input"/>.</summary>
    public static Tensor randint_like(Tensor input, long low, long high, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        randint(low, high, input._shape, dtype ?? input.dtype, device, requires_grad);

    // Instance forms only for the random ones: an instance zeros_like would hide torch.zeros_like inside Tensor's code.
    public partial class Tensor
    {
        /// <summary>U[0, 1) samples shaped like this tensor.</summary>
        public Tensor rand_like(ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => torch.rand_like(this, dtype, device, requires_grad);
        /// <summary>N(0, 1) samples shaped like this tensor.</summary>
        public Tensor randn_like(ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => torch.randn_like(this, dtype, device, requires_grad);
        /// <summary>Integers in [low, high) shaped like this tensor.</summary>
        public Tensor randint_like(long low, long high, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => torch.randint_like(this, low, high, dtype, device, requires_grad);
    }
}
