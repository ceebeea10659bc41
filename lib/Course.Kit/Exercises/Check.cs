using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit.Exercises;

/// <summary>
/// Checks for a student's results, called inside exercise cases (or anywhere). Each returns quietly when the result is
/// right and otherwise throws a <see cref="CheckFailedException"/> whose message says what differs.
/// </summary>
public static partial class Check
{
    /// <summary>
    /// Checks that <paramref name="actual"/> has <paramref name="expected"/>'s shape and dtype and that every element
    /// agrees: |actual − expected| ≤ atol + rtol·|expected| (torch.allclose's rule; both NaN also agree). Default
    /// tolerances follow the expected dtype: float32 rtol 1e-4, atol 1e-5 (sums in another order differ in the last
    /// digits); float64 rtol 1e-7, atol 1e-7; integers and bool exact.
    /// </summary>
    /// <param name="expected">The reference result.</param>
    /// <param name="actual">The student's result.</param>
    /// <param name="rtol">Relative tolerance; null for the dtype's default.</param>
    /// <param name="atol">Absolute tolerance; null for the dtype's default.</param>
    /// <param name="what">What is compared, for the message ("output", "gradient of w").</param>
    /// <param name="checkDtype">False to accept any dtype and compare only values.</param>
    /// <exception cref="CheckFailedException">Naming the shape or dtype that differs, NaN or Inf found, or the first
    /// differing index with expected and actual values and the largest absolute and relative errors.</exception>
    public static void Close(Tensor expected, Tensor? actual, double? rtol = null, double? atol = null, string what = "output",
        bool checkDtype = true)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (actual is null) throw new CheckFailedException($"{what}: got null, expected a tensor of shape {TensorDifference.Shape(expected.shape)}.");
        var (defaultRtol, defaultAtol) = expected.dtype switch
        {
            ScalarType.Float32 => (1e-4, 1e-5),
            ScalarType.Float64 => (1e-7, 1e-7),
            _ => (0.0, 0.0),
        };
        var difference = TensorDifference.Describe(expected, actual, rtol ?? defaultRtol, atol ?? defaultAtol, checkDtype);
        if (difference is not null) throw new CheckFailedException($"{what}: {difference}");
    }

    /// <summary>
    /// Checks that a number agrees with the expected one: |actual − expected| ≤ atol + rtol·|expected|
    /// (torch.allclose's rule and defaults; NaN agrees only with NaN).
    /// </summary>
    /// <exception cref="CheckFailedException">With expected and actual values and the errors.</exception>
    public static void Close(double expected, double actual, double rtol = 1e-5, double atol = 1e-8, string what = "result")
    {
        if (actual.Equals(expected)) return;
        double abs = Math.Abs(actual - expected);
        if (abs <= atol + rtol * Math.Abs(expected)) return;
        var relative = expected == 0 ? "∞" : TensorDifference.G(abs / Math.Abs(expected));
        var errors = double.IsFinite(abs)
            ? $" (absolute error {TensorDifference.G(abs)}, relative {relative}; tolerance rtol {TensorDifference.G(rtol)}, atol {TensorDifference.G(atol)})"
            : "";
        throw new CheckFailedException(
            $"{what}: expected {TensorDifference.Number(expected, actual)}, got {TensorDifference.Number(actual, expected)}{errors}.");
    }

    /// <summary>Checks a tensor's shape, e.g. "output shape for stride 2".</summary>
    /// <exception cref="CheckFailedException">With the expected and actual shapes.</exception>
    public static void Shape(Tensor? actual, long[] expected, string what = "output")
    {
        if (actual is null) throw new CheckFailedException($"{what}: got null, expected a tensor of shape {TensorDifference.Shape(expected)}.");
        if (!actual.shape.SequenceEqual(expected))
            throw new CheckFailedException($"{what}: shape differs: expected {TensorDifference.Shape(expected)}, got {TensorDifference.Shape(actual.shape)}.");
    }

    /// <summary>A property check: fails with <paramref name="property"/> when <paramref name="holds"/> is false.</summary>
    /// <param name="holds">The predicate's value, e.g. <c>iou(a, b).allclose(iou(b, a).T)</c>.</param>
    /// <param name="property">The property in words, e.g. "IoU is symmetric: iou(a, b) = iou(b, a)ᵀ".</param>
    /// <exception cref="CheckFailedException">When the property does not hold.</exception>
    public static void That(bool holds, string property)
    {
        if (!holds) throw new CheckFailedException($"property does not hold: {property}.");
    }

    /// <summary>
    /// Computes a reference value with every op ban lifted, so a case can call the library's own op (say conv2d) for
    /// the expected result while the student's code is banned from it.
    /// </summary>
    public static T Reference<T>(Func<T> compute)
    {
        using (OpBan.Lift()) return compute();
    }
}
