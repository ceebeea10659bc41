using static Course.Torch.torch;

namespace Course.Kit.Training;

/// <summary>
/// A seeded scope: everything drawn from torch's default generator inside it (initial weights, randn, dropout,
/// shuffling loaders without their own seed) repeats run to run.
/// <code>
/// using (new Reproducible(42))
///     model = MakeModel();           // same initial weights every time
/// </code>
/// On dispose the default generator is reseeded from a number drawn from it on entry, so the code after the scope
/// sees a stream that depends only on what came before the scope, not on how much randomness the scope used.
/// (The engine has no API to save and restore a generator's exact position, so the stream after the scope is
/// not the one the program would have seen without it.)
/// </summary>
public sealed class Reproducible : IDisposable
{
    private readonly long resumeSeed;
    private bool disposed;

    /// <summary>Draws the seed to resume with afterwards, then seeds the default generator with <paramref name="seed"/>.</summary>
    public Reproducible(long seed)
    {
        Seed = seed;
        lock (Generator.Default.Lock) resumeSeed = (long)Generator.Default.NextUInt64();
        manual_seed(seed);
    }

    /// <summary>The seed this scope started from.</summary>
    public long Seed { get; }

    /// <summary>Leaves the scope: reseeds the default generator with the number drawn on entry.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        manual_seed(resumeSeed);
    }
}
