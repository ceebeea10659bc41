namespace Course.Kit.Training;

/// <summary>
/// Running sums over <c>n</c> variables, as d2l's <c>Accumulator</c>: e.g. (loss sum, correct count, example count)
/// accumulated over batches, then <c>acc[0] / acc[2]</c> is the mean loss.
/// </summary>
public sealed class Accumulator
{
    private readonly double[] sums;

    /// <summary>Creates <paramref name="n"/> sums, all zero.</summary>
    public Accumulator(int n)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), $"An accumulator needs at least one variable, got {n}.");
        sums = new double[n];
    }

    /// <summary>Adds one value to each sum, in order.</summary>
    /// <exception cref="ArgumentException">When the number of values is not the number of sums.</exception>
    public void Add(params double[] values)
    {
        if (values.Length != sums.Length)
            throw new ArgumentException($"This accumulator has {sums.Length} sums but Add got {values.Length} values.", nameof(values));
        for (int i = 0; i < sums.Length; i++) sums[i] += values[i];
    }

    /// <summary>The sum of variable <paramref name="index"/>.</summary>
    public double this[int index] => sums[index];

    /// <summary>Sets every sum back to zero.</summary>
    public void Reset() => Array.Clear(sums);
}
