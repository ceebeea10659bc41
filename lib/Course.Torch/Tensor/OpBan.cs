namespace Course.Torch;

/// <summary>
/// A scoped ban on named library ops, for exercises: a student asked to write conv2d must not just call
/// <c>nn.functional.conv2d</c>. Inside <c>using (OpBan.Forbid(["conv2d"], exercise: "02.2")) { … }</c> every call that
/// reaches the library's conv2d throws a <see cref="BannedOpException"/> naming the op, the exercise and what to use
/// instead. This is an extension of the kit: TorchSharp has nothing like it.
/// </summary>
/// <remarks>
/// The ban belongs to the current async flow (an <see cref="AsyncLocal{T}"/>): code running in parallel elsewhere,
/// such as another test, does not see it. It is checked once, on the caller's thread, when a guarded op is entered
/// (<see cref="GuardedOps"/> lists them), never inside kernels or their worker threads, so it costs one read per op
/// call. It is a teaching guard, not a sandbox: code that wants to get round it can.
/// </remarks>
public static class OpBan
{
    /// <summary>
    /// The ops that check the ban when entered, each with the public entry points that reach it. Ops built on another
    /// guarded op are banned with it: banning conv2d also stops conv1d, which runs conv2d on a height-1 image.
    /// </summary>
    public static IReadOnlyDictionary<string, string> GuardedOps { get; } = new Dictionary<string, string>
    {
        ["conv1d"] = "nn.functional.conv1d, conv1d_padding, nn.Conv1d",
        ["conv2d"] = "nn.functional.conv2d, conv2d_padding, nn.Conv2d (and conv1d, built on it)",
        ["conv_transpose2d"] = "nn.functional.conv_transpose2d, nn.ConvTranspose2d",
        ["max_pool2d"] = "nn.functional.max_pool2d, max_pool2d_with_indices, nn.MaxPool2d (and max_pool1d, built on it)",
        ["avg_pool2d"] = "nn.functional.avg_pool2d, nn.AvgPool2d (and avg_pool1d, built on it)",
        ["unfold"] = "nn.functional.unfold, nn.Unfold",
        ["fold"] = "nn.functional.fold, nn.Fold",
        ["linear"] = "nn.functional.linear, nn.Linear",
        ["softmax"] = "Tensor.softmax, torch.softmax, nn.functional.softmax, nn.Softmax (and attention, built on it)",
        ["log_softmax"] = "Tensor.log_softmax, torch.log_softmax, nn.functional.log_softmax, nn.LogSoftmax (and cross_entropy, built on it)",
        ["cross_entropy"] = "nn.functional.cross_entropy, nn.CrossEntropyLoss",
        ["nll_loss"] = "nn.functional.nll_loss, nn.NLLLoss (and cross_entropy, built on it)",
        ["mse_loss"] = "nn.functional.mse_loss, nn.MSELoss",
        ["binary_cross_entropy"] = "nn.functional.binary_cross_entropy, nn.BCELoss",
        ["batch_norm"] = "nn.functional.batch_norm, nn.BatchNorm1d/2d/3d",
        ["layer_norm"] = "nn.functional.layer_norm, nn.LayerNorm",
        ["dropout"] = "nn.functional.dropout, nn.Dropout",
        ["scaled_dot_product_attention"] = "nn.functional.scaled_dot_product_attention",
        ["box_iou"] = "torchvision.ops.box_iou",
        ["nms"] = "torchvision.ops.nms (and batched_nms, built on it)",
        ["RNNCell"] = "nn.RNNCell",
        ["LSTMCell"] = "nn.LSTMCell",
        ["GRUCell"] = "nn.GRUCell",
        ["RNN"] = "nn.RNN",
        ["LSTM"] = "nn.LSTM",
        ["GRU"] = "nn.GRU",
        ["Adam"] = "optim.Adam's step",
    };

    /// <summary>The bans in force in this async flow, innermost first; null when none.</summary>
    static readonly AsyncLocal<Scope?> current = new();

    /// <summary>
    /// Bans <paramref name="ops"/> until the returned scope is disposed. Scopes nest: an inner scope adds to the bans
    /// of the outer ones.
    /// </summary>
    /// <param name="ops">Names from <see cref="GuardedOps"/>, e.g. <c>["conv2d", "conv1d"]</c>.</param>
    /// <param name="exercise">The exercise id the message names, e.g. <c>"02.2"</c>.</param>
    /// <param name="instead">What the student should use instead, e.g. <c>"unfold and matmul"</c>.</param>
    /// <exception cref="ArgumentException">For a name that is not a guarded op (a typo would make the ban silently useless).</exception>
    public static IDisposable Forbid(IEnumerable<string> ops, string? exercise = null, string? instead = null)
    {
        var names = ops.ToArray();
        foreach (var op in names)
            if (!GuardedOps.ContainsKey(op))
                throw new ArgumentException($"OpBan.Forbid: '{op}' is not a guarded op. Guarded ops: {string.Join(", ", GuardedOps.Keys)}.", nameof(ops));
        return Push(new Scope(names, exercise, instead, current.Value));
    }

    /// <summary>
    /// Lifts every ban until the returned scope is disposed: for reference values a check computes with the library's
    /// own op while the student's code is under a ban.
    /// </summary>
    public static IDisposable Lift() => Push(null);

    /// <summary>True when <paramref name="op"/> is banned in the current async flow.</summary>
    public static bool IsForbidden(string op) => Find(op) is not null;

    /// <summary>Called first thing by every guarded op: throws if <paramref name="op"/> is banned here.</summary>
    /// <exception cref="BannedOpException">When a scope in force bans <paramref name="op"/>.</exception>
    internal static void Enter(string op)
    {
        if (current.Value is null) return;
        if (Find(op) is { } scope) throw new BannedOpException(op, scope.Exercise, scope.Instead);
    }

    static Scope? Find(string op)
    {
        for (var scope = current.Value; scope is not null; scope = scope.Outer)
            if (Array.IndexOf(scope.Ops, op) >= 0) return scope;
        return null;
    }

    static Restore Push(Scope? scope)
    {
        var restore = new Restore(current.Value);
        current.Value = scope;
        return restore;
    }

    /// <summary>One <see cref="Forbid"/> call: its ops and message parts, and the bans it adds to.</summary>
    sealed record Scope(string[] Ops, string? Exercise, string? Instead, Scope? Outer);

    /// <summary>Puts back the bans that were in force before the scope began (once, however often disposed).</summary>
    sealed class Restore(Scope? previous) : IDisposable
    {
        bool disposed;

        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            current.Value = previous;
        }
    }
}

/// <summary>Thrown when code calls a library op that an <see cref="OpBan"/> scope forbids.</summary>
public sealed class BannedOpException : InvalidOperationException
{
    internal BannedOpException(string op, string? exercise, string? instead)
        : base(Describe(op, exercise, instead))
    {
        Op = op;
        Exercise = exercise;
        Instead = instead;
    }

    /// <summary>The banned op, as named in <see cref="OpBan.GuardedOps"/>.</summary>
    public string Op { get; }

    /// <summary>The exercise that bans it, when the scope named one.</summary>
    public string? Exercise { get; }

    /// <summary>What to use instead, when the scope said.</summary>
    public string? Instead { get; }

    static string Describe(string op, string? exercise, string? instead)
    {
        var where = exercise is null ? "in this scope" : $"in exercise {exercise}";
        var use = instead ?? "elementary tensor operations (indexing, arithmetic, matmul, sum, …)";
        return $"{op} is banned {where}: the exercise asks you to write it yourself, so the library's {op} " +
               $"({OpBan.GuardedOps[op]}) cannot be called here. Use {use} instead.";
    }
}
