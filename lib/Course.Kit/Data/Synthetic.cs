using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit.Data;

/// <summary>
/// Small seeded data sets for the early chapters: the same seed gives the same tensors on every machine.
/// Features are float32; class labels are int64 and balanced (example i has class i mod classes).
/// Wrap them for a loader with <c>utils.data.TensorDataset(x, y)</c>.
/// </summary>
public static partial class Synthetic
{
    /// <summary>
    /// Linear regression data as in d2l: y = X w + b + ε with X ~ N(0, 1) and ε ~ N(0, <paramref name="noise"/>²).
    /// </summary>
    /// <param name="w">The true weights, [d].</param>
    /// <param name="b">The true bias.</param>
    /// <param name="n">Number of examples.</param>
    /// <param name="noise">Standard deviation of the label noise.</param>
    /// <param name="seed">Seed of the generator all draws come from.</param>
    /// <returns>X [n, d] and y [n, 1].</returns>
    public static (Tensor X, Tensor y) LinearRegression(Tensor w, double b, long n, double noise = 0.01, long seed = 0)
    {
        if (w.ndim != 1) throw new ArgumentException($"w must be a vector [d], got shape [{string.Join(", ", w.shape)}].", nameof(w));
        var g = new Generator((ulong)seed);
        var x = randn([n, w.shape[0]], generator: g);
        var y = x.matmul(w.to(ScalarType.Float32)) + b + noise * randn([n], generator: g);
        return (x, y.reshape(n, 1));
    }

    /// <summary>
    /// Gaussian blobs: <paramref name="classes"/> clusters with standard deviation <paramref name="std"/>, centred
    /// evenly on a circle of radius <paramref name="radius"/>.
    /// </summary>
    /// <returns>X [n, 2] and labels [n].</returns>
    public static (Tensor X, Tensor y) Blobs(long n = 300, int classes = 3, double std = 0.5, double radius = 3, long seed = 0)
    {
        var (g, labels) = (new Generator((ulong)seed), BalancedLabels(n, classes));
        var angle = labels.to(ScalarType.Float32) * (2 * Math.PI / classes);
        var centres = stack([radius * angle.cos(), radius * angle.sin()], dim: 1);
        return (centres + std * randn([n, 2], generator: g), labels);
    }

    /// <summary>
    /// Two interleaving half circles (as scikit-learn's make_moons): class 0 on (cos t, sin t), class 1 on
    /// (1 − cos t, 0.5 − sin t), t uniform in [0, π], plus N(0, <paramref name="noise"/>²) in each coordinate.
    /// </summary>
    /// <returns>X [n, 2] and labels [n].</returns>
    public static (Tensor X, Tensor y) Moons(long n = 200, double noise = 0.1, long seed = 0)
    {
        var (g, labels) = (new Generator((ulong)seed), BalancedLabels(n, 2));
        var t = rand([n], generator: g) * Math.PI;
        var outer = stack([t.cos(), t.sin()], dim: 1);
        var inner = stack([1 - t.cos(), 0.5 - t.sin()], dim: 1);
        var isInner = labels.eq(1).unsqueeze(1);
        return (where(isInner, inner, outer) + noise * randn([n, 2], generator: g), labels);
    }

    /// <summary>
    /// Interleaved spiral arms (the CS231n data set): arm c has radius r growing from 0 to 1 and angle
    /// 4c + 4r + N(0, <paramref name="noise"/>²) radians, at (r sin θ, r cos θ). Not linearly separable.
    /// </summary>
    /// <returns>X [n, 2] and labels [n].</returns>
    public static (Tensor X, Tensor y) Spirals(long n = 300, int classes = 3, double noise = 0.2, long seed = 0)
    {
        var (g, labels) = (new Generator((ulong)seed), BalancedLabels(n, classes));
        var r = rand([n], generator: g);
        var theta = 4 * labels.to(ScalarType.Float32) + 4 * r + noise * randn([n], generator: g);
        return (stack([r * theta.sin(), r * theta.cos()], dim: 1), labels);
    }

    /// <summary>Labels 0, 1, …, classes − 1, 0, 1, … for <paramref name="n"/> examples (counts differ by at most 1).</summary>
    private static Tensor BalancedLabels(long n, int classes)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), $"Need at least one example, got n = {n}.");
        if (classes < 1) throw new ArgumentOutOfRangeException(nameof(classes), $"Need at least one class, got {classes}.");
        var labels = new long[n];
        for (long i = 0; i < n; i++) labels[i] = i % classes;
        return tensor(labels);
    }
}
