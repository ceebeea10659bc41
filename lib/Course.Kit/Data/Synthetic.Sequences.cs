using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit.Data;

public static partial class Synthetic
{
    /// <summary>
    /// A noisy sine wave, d2l's sequence-model toy: x_t = sin(2π t / <paramref name="period"/>) + N(0, <paramref name="noise"/>²)
    /// for t = 1 … <paramref name="steps"/>.
    /// </summary>
    /// <returns>The time steps t [steps] and the values x [steps], both float32.</returns>
    public static (Tensor Time, Tensor X) NoisySine(long steps = 1000, double period = 200 * Math.PI, double noise = 0.2, long seed = 0)
    {
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), $"Need at least one step, got {steps}.");
        var time = arange(1, steps + 1, dtype: ScalarType.Float32);
        var x = (time * (2 * Math.PI / period)).sin() + noise * randn([steps], generator: new Generator((ulong)seed));
        return (time, x);
    }

    /// <summary>
    /// Autoregressive training pairs from a series: features row i is x[i .. i+tau), label i is x[i+tau].
    /// </summary>
    /// <param name="series">A 1-D series [T].</param>
    /// <param name="tau">How many past values predict the next one.</param>
    /// <returns>Features [T − tau, tau] and labels [T − tau, 1].</returns>
    public static (Tensor Features, Tensor Labels) SlidingWindows(Tensor series, int tau)
    {
        if (series.ndim != 1) throw new ArgumentException($"series must be 1-D [T], got shape [{string.Join(", ", series.shape)}].", nameof(series));
        long rows = series.shape[0] - tau;
        if (tau < 1 || rows < 1) throw new ArgumentOutOfRangeException(nameof(tau), $"tau must be in 1..{series.shape[0] - 1} for a series of {series.shape[0]} values, got {tau}.");
        var features = stack(Enumerable.Range(0, tau).Select(i => series.narrow(0, i, rows)), dim: 1);
        return (features, series.narrow(0, tau, rows).reshape(rows, 1));
    }
}
