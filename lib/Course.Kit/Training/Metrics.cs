using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit.Training;

/// <summary>Classification metrics on a batch of scores (logits or probabilities) and class labels.</summary>
public static class Metrics
{
    /// <summary>
    /// How many examples have their true label among the <paramref name="k"/> highest scores
    /// (k = 1: the usual "argmax equals label").
    /// </summary>
    /// <param name="scores">[N, C] scores, one row per example.</param>
    /// <param name="labels">[N] int64 class indices.</param>
    /// <param name="k">How many top classes count as a hit.</param>
    /// <exception cref="ArgumentException">When the shapes do not match or k is not in 1..C.</exception>
    public static long Correct(Tensor scores, Tensor labels, int k = 1)
    {
        if (scores.ndim != 2 || labels.ndim != 1 || labels.shape[0] != scores.shape[0])
            throw new ArgumentException($"Expected scores [N, C] and labels [N], got scores {Shape(scores)} and labels {Shape(labels)}.");
        if (k < 1 || k > scores.shape[1])
            throw new ArgumentOutOfRangeException(nameof(k), $"Top-k needs 1 <= k <= {scores.shape[1]} classes, got k = {k}.");
        using var _ = no_grad();
        var top = k == 1 ? scores.argmax(1).unsqueeze(1) : scores.topk(k, dim: 1).indices;   // [N, k]
        // A label appears at most once among the top k, so summing the matches counts the hits.
        return top.eq(labels.unsqueeze(1)).sum().item<long>();
    }

    /// <summary>The fraction of examples whose label is among the top <paramref name="k"/> scores, in [0, 1].</summary>
    /// <inheritdoc cref="Correct" path="/param"/>
    public static double Accuracy(Tensor scores, Tensor labels, int k = 1) =>
        labels.shape[0] == 0 ? double.NaN : (double)Correct(scores, labels, k) / labels.shape[0];

    private static string Shape(Tensor t) => "[" + string.Join(", ", t.shape) + "]";
}
