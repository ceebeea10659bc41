namespace Course.Torch;

public static partial class torch
{
    /// <summary>
    /// The 1-D sequence start, start + step, … up to but excluding stop: ⌈(stop − start) / step⌉ values, value i being
    /// start + i·step (computed in double, then converted). int64 when all three are integers, else the default float dtype.
    /// </summary>
    /// <exception cref="ArgumentException">When step is 0 or points away from stop.</exception>
    public static Tensor arange(Scalar start, Scalar stop, Scalar step, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        bool integral = start.Type != ScalarType.Float64 && stop.Type != ScalarType.Float64 && step.Type != ScalarType.Float64;
        var type = dtype ?? (integral ? ScalarType.Int64 : get_default_dtype());
        double a = start.Value, b = stop.Value, s = step.Value;
        if (s == 0) throw new ArgumentException("step must be nonzero");
        if ((s > 0 && b < a) || (s < 0 && b > a))
            throw new ArgumentException($"upper bound and larger bound inconsistent with step sign (start {a}, end {b}, step {s})");
        long n = (long)Math.Ceiling((b - a) / s);
        var t = Tensor.Empty([n], type);
        long i = 0;
        t.Overwrite(() => a + i++ * s);
        return t.requires_grad_(requires_grad);
    }

    /// <summary>start, start + 1, … up to but excluding stop.</summary>
    public static Tensor arange(Scalar start, Scalar stop, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        arange(start, stop, 1, dtype, device, requires_grad);

    /// <summary>0, 1, … up to but excluding stop.</summary>
    public static Tensor arange(Scalar stop, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        arange(0, stop, 1, dtype, device, requires_grad);

    /// <summary>
    /// <paramref name="steps"/> evenly spaced values from start to end inclusive, step = (end − start)/(steps − 1).
    /// As PyTorch, the first half counts up from start and the second half down from end, so both ends are exact
    /// (a single step gives just start).
    /// </summary>
    /// <exception cref="ArgumentException">When steps is negative.</exception>
    public static Tensor linspace(double start, double end, long steps, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        if (steps < 0) throw new ArgumentException($"number of steps must be non-negative, got {steps}");
        double step = steps > 1 ? (end - start) / (steps - 1) : 0;
        var t = Tensor.Empty([steps], dtype ?? get_default_dtype());
        long i = 0;
        t.Overwrite(() =>
        {
            long k = i++;
            return k < steps / 2 || steps == 1 ? start + k * step : end - (steps - 1 - k) * step;
        });
        return t.requires_grad_(requires_grad);
    }

    /// <summary>
    /// <paramref name="steps"/> values from base^start to base^end, evenly spaced in the exponent.
    /// </summary>
    public static Tensor logspace(double start, double end, long steps, double @base = 10, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var exponents = linspace(start, end, steps, ScalarType.Float64).data<double>().ToArray();
        var t = Tensor.Empty([steps], dtype ?? get_default_dtype());
        long i = 0;
        t.Overwrite(() => Math.Pow(@base, exponents[i++]));
        return t.requires_grad_(requires_grad);
    }

    /// <summary>A rows × columns matrix with ones on the main diagonal (columns defaults to rows).</summary>
    /// <exception cref="ArgumentException">For negative sizes.</exception>
    public static Tensor eye(long rows, long columns = -1L, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        if (rows < 0) throw new ArgumentException($"n must be greater or equal to 0, got {rows}");
        columns = columns == -1 ? rows : columns;
        if (columns < 0) throw new ArgumentException($"m must be greater or equal to 0, got {columns}");
        var t = zeros([rows, columns], dtype);
        long k = 0;
        t.Overwrite(() => { long r = k / columns, c = k++ % columns; return r == c ? 1 : 0; });
        return t.requires_grad_(requires_grad);
    }
}
