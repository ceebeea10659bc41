namespace Course.Torch;

/// <summary>
/// TorchSharp's dispose scope. Tensors here are managed memory reclaimed by the garbage collector, so the scope has
/// nothing to free; it exists so TorchSharp code written with <c>using var scope = torch.NewDisposeScope();</c> compiles.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    /// <summary>Does nothing (the garbage collector frees tensors).</summary>
    public void DisposeEverything() { }

    /// <summary>Does nothing (the garbage collector frees tensors).</summary>
    public void DisposeEverythingBut(params torch.Tensor[] keep) { }

    /// <summary>Returns <paramref name="tensor"/>: there is no scope to move it out of.</summary>
    public torch.Tensor MoveToOuter(torch.Tensor tensor) => tensor;

    /// <summary>Ends the scope.</summary>
    public void Dispose() { }
}

public static partial class torch
{
    /// <summary>Opens a dispose scope (a no-op here, see <see cref="DisposeScope"/>).</summary>
    public static DisposeScope NewDisposeScope() => new();
}
