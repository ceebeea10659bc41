using System.Numerics;
using System.Numerics.Tensors;

namespace Course.Torch.Kernels;

/// <summary>
/// Row kernels for reductions and for ops along one dimension. Each reads one contiguous row (the layout
/// <c>torch.ReductionLayout</c> produces) and either returns one value or writes a row of the same length.
/// </summary>
internal static class Reductions
{
    /// <summary>
    /// The index of the first maximum (or minimum when <paramref name="largest"/> is false). A NaN beats every number
    /// and the first one wins, as PyTorch propagates NaN through max/min.
    /// </summary>
    public static int ArgExtreme<T>(ReadOnlySpan<T> row, bool largest) where T : INumber<T>
    {
        int best = 0;
        for (int i = 1; i < row.Length && !T.IsNaN(row[best]); i++)
            if (T.IsNaN(row[i]) || (largest ? row[i] > row[best] : row[i] < row[best])) best = i;
        return best;
    }

    /// <summary>var = Σ(x − μ)² / (N − correction), in two passes (mean first) for accuracy.</summary>
    public static T Variance<T>(ReadOnlySpan<T> row, int correction) where T : IFloatingPointIeee754<T>
    {
        T mean = TensorPrimitives.Sum(row) / T.CreateChecked(row.Length);
        T squares = T.Zero;
        foreach (var v in row) squares += (v - mean) * (v - mean);
        return squares / T.CreateChecked(row.Length - correction);
    }

    /// <summary>Π x; 1 for an empty row.</summary>
    public static T Product<T>(ReadOnlySpan<T> row) where T : INumber<T>
    {
        T p = T.One;
        foreach (var v in row) p *= v;
        return p;
    }

    /// <summary>log Σ exp(x) = m + log Σ exp(x − m) with m = max(x), so large x cannot overflow exp.</summary>
    public static T LogSumExp<T>(ReadOnlySpan<T> row) where T : IFloatingPointIeee754<T>
    {
        if (row.Length == 0) return T.NegativeInfinity;
        T m = TensorPrimitives.Max(row);
        if (T.IsInfinity(m)) return m;
        T sum = T.Zero;
        foreach (var v in row) sum += T.Exp(v - m);
        return m + T.Log(sum);
    }

    /// <summary>softmax(x)_i = exp(x_i − m) / Σ_j exp(x_j − m), m = max(x): the shift cancels and keeps exp finite.</summary>
    public static void SoftMax<T>(ReadOnlySpan<T> row, Span<T> result) where T : IFloatingPointIeee754<T>
    {
        if (row.Length == 0) return;
        TensorPrimitives.Subtract(row, TensorPrimitives.Max(row), result);
        TensorPrimitives.Exp(result, result);
        TensorPrimitives.Divide(result, TensorPrimitives.Sum<T>(result), result);
    }

    /// <summary>log_softmax(x)_i = (x_i − m) − log Σ_j exp(x_j − m), m = max(x); subtracting m first keeps precision.</summary>
    public static void LogSoftMax<T>(ReadOnlySpan<T> row, Span<T> result) where T : IFloatingPointIeee754<T>
    {
        if (row.Length == 0) return;
        TensorPrimitives.Subtract(row, TensorPrimitives.Max(row), result);
        T sum = T.Zero;
        foreach (var v in result) sum += T.Exp(v);
        TensorPrimitives.Subtract(result, T.Log(sum), result);
    }

    /// <summary>y_i = x_0 + … + x_i.</summary>
    public static void CumSum<T>(ReadOnlySpan<T> row, Span<T> result) where T : INumber<T>
    {
        T running = T.Zero;
        for (int i = 0; i < row.Length; i++) result[i] = running += row[i];
    }

    /// <summary>
    /// Writes into <paramref name="order"/> the indices that sort <paramref name="row"/>. Ties keep their original
    /// order (stable), and NaN sorts above every number, as in PyTorch.
    /// </summary>
    public static void ArgSort<T>(ReadOnlySpan<T> row, Span<int> order, bool descending) where T : INumber<T>
    {
        var values = row.ToArray();
        for (int i = 0; i < order.Length; i++) order[i] = i;
        order.Sort((i, j) =>
        {
            int c = Compare(values[i], values[j]);
            return c != 0 ? (descending ? -c : c) : i.CompareTo(j);
        });
    }

    static int Compare<T>(T a, T b) where T : INumber<T> =>
        T.IsNaN(a) ? (T.IsNaN(b) ? 0 : 1) : T.IsNaN(b) ? -1 : a < b ? -1 : a > b ? 1 : 0;
}
