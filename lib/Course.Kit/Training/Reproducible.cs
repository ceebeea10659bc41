using static Course.Torch.torch;

namespace Course.Kit.Training;

/// <summary>
/// A seeded scope: everything drawn from torch's default generator inside it (initial weights, randn, dropout,
/// shuffling loaders without their own seed) repeats run to run.
/// <code>
/// using (new Reproducible(42))
///     model = MakeModel();           // same initial weights every time
/// </code>
/// On dispose the default generator returns to where it was on entry, so the code after the scope draws exactly
/// what it would have drawn without the scope.
/// </summary>
public sealed class Reproducible : IDisposable
{
    private readonly Tensor savedState = random.get_rng_state();
    private bool disposed;

    /// <summary>Saves the default generator's position, then seeds it with <paramref name="seed"/>.</summary>
    public Reproducible(long seed)
    {
        Seed = seed;
        manual_seed(seed);
    }

    /// <summary>The seed this scope started from.</summary>
    public long Seed { get; }

    /// <summary>Leaves the scope: puts the default generator back where it was on entry.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        random.set_rng_state(savedState);
    }
}
