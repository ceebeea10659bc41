using static Course.Torch.torch;

namespace Course.Kit.Training;

/// <summary>Reads (input, target) out of the batch shapes the engine's loaders yield.</summary>
internal static class Batches
{
    /// <summary>
    /// A <c>DataLoader</c> batch (<c>"data"</c>/<c>"label"</c>), an <c>IterableDataLoader</c> batch (a list of two
    /// tensors, as from TensorDataset(x, y)), or a (Tensor, Tensor) tuple.
    /// </summary>
    /// <exception cref="ArgumentException">For anything else, naming <paramref name="loaderName"/> and what it yielded.</exception>
    public static (Tensor Input, Tensor Target) Split(object? batch, string loaderName) => batch switch
    {
        Dictionary<string, Tensor> named when named.TryGetValue("data", out var x) && named.TryGetValue("label", out var y) => (x, y),
        IList<Tensor> { Count: 2 } pair => (pair[0], pair[1]),
        ValueTuple<Tensor, Tensor> tuple => tuple,
        _ => throw new ArgumentException(
            $"The {loaderName} yielded {Describe(batch)}; expected a dictionary with \"data\" and \"label\", " +
            "a list of two tensors (input, target) or a (Tensor, Tensor) tuple."),
    };

    private static string Describe(object? batch) => batch switch
    {
        null => "null",
        Dictionary<string, Tensor> named => $"a dictionary with keys [{string.Join(", ", named.Keys)}]",
        IList<Tensor> list => $"a list of {list.Count} tensors",
        _ => $"a {batch.GetType().Name}",
    };
}
