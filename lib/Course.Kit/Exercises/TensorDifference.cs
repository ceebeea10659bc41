using System.Globalization;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit.Exercises;

/// <summary>
/// Compares a student's tensor with the expected one, element by element in float64, and describes the first thing
/// that is wrong: the shape, the dtype, NaN or Inf values, or the values beyond tolerance. Two elements agree when
/// |got − expected| ≤ atol + rtol·|expected| (torch.allclose's rule), when they are equal (so equal infinities agree),
/// or when both are NaN.
/// </summary>
internal static class TensorDifference
{
    /// <summary>The description of what differs, or null when the tensors agree.</summary>
    public static string? Describe(Tensor expected, Tensor actual, double rtol, double atol, bool checkDtype)
    {
        if (!expected.shape.SequenceEqual(actual.shape))
            return $"shape differs: expected {Shape(expected.shape)}, got {Shape(actual.shape)}.";
        if (checkDtype && expected.dtype != actual.dtype)
            return $"dtype differs: expected {expected.dtype}, got {actual.dtype} (convert with .to({expected.dtype.ToString().ToLowerInvariant()})).";

        var e = Values(expected);
        var a = Values(actual);
        var shape = expected.shape;
        var nonFinite = NonFinite(e, a, shape);
        var values = BeyondTolerance(e, a, shape, rtol, atol);
        if (nonFinite is null && values is null) return null;
        return string.Join("\n", new[] { nonFinite, values }.Where(s => s is not null));
    }

    /// <summary>Formats a number with as few digits as tell it apart from <paramref name="other"/> (at least 6).</summary>
    public static string Number(double value, double other)
    {
        for (int digits = 6; digits < 17; digits++)
        {
            string s = value.ToString("G" + digits, CultureInfo.InvariantCulture);
            if (s != other.ToString("G" + digits, CultureInfo.InvariantCulture)) return s;
        }
        return value.ToString("G17", CultureInfo.InvariantCulture);
    }

    static double[] Values(Tensor t) => t.detach().to(float64).data<double>().ToArray();

    /// <summary>NaN or ±Inf in the result where the expected value is something else.</summary>
    static string? NonFinite(double[] e, double[] a, long[] shape)
    {
        int count = 0, first = -1;
        for (int i = 0; i < a.Length; i++)
        {
            if (double.IsFinite(a[i]) || a[i].Equals(e[i])) continue; // Equals: NaN equals NaN, Inf equals the same Inf
            count++;
            if (first < 0) first = i;
        }
        if (count == 0) return null;
        return $"got {Number(a[first], e[first])} at index {Index(first, shape)} where {Number(e[first], a[first])} was expected " +
               $"({count} NaN/Inf value{(count == 1 ? "" : "s")} in total).";
    }

    /// <summary>The count of elements beyond tolerance, the first of them, and the largest absolute and relative errors.</summary>
    static string? BeyondTolerance(double[] e, double[] a, long[] shape, double rtol, double atol)
    {
        int count = 0, first = -1, worstAbs = -1, worstRel = -1;
        double maxAbs = 0, maxRel = 0;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i].Equals(e[i]) || !double.IsFinite(a[i])) continue; // NaN/Inf results are reported on their own
            double abs = Math.Abs(a[i] - e[i]);
            if (!(abs <= atol + rtol * Math.Abs(e[i]))) // false for NaN too
            {
                count++;
                if (first < 0) first = i;
            }
            if (!double.IsFinite(abs)) continue; // an expected NaN/Inf has no meaningful error size
            if (abs > maxAbs) (maxAbs, worstAbs) = (abs, i);
            double rel = e[i] == 0 ? double.PositiveInfinity : abs / Math.Abs(e[i]);
            if (rel > maxRel && e[i] != 0) (maxRel, worstRel) = (rel, i);
        }
        if (count == 0) return null;
        var lines = new List<string>
        {
            $"values differ: {count} of {a.Length} element{(a.Length == 1 ? "" : "s")} beyond tolerance (rtol {G(rtol)}, atol {G(atol)}).",
            $"first at index {Index(first, shape)}: expected {Number(e[first], a[first])}, got {Number(a[first], e[first])}.",
        };
        if (worstAbs >= 0)
            lines.Add($"max absolute error {G(maxAbs)} at {Index(worstAbs, shape)}" +
                      (worstRel >= 0 ? $"; max relative error {G(maxRel)} at {Index(worstRel, shape)}." : "."));
        return string.Join("\n", lines);
    }

    /// <summary>A tolerance or error size, three significant digits.</summary>
    public static string G(double x) => x.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>A shape as PyTorch prints it in messages: [2, 3, 4].</summary>
    public static string Shape(long[] shape) => "[" + string.Join(", ", shape) + "]";

    /// <summary>The row-major multi-index of flat element <paramref name="flat"/>, e.g. [0, 2, 1].</summary>
    static string Index(long flat, long[] shape)
    {
        var index = new long[shape.Length];
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return Shape(index);
    }
}
