using System.Text.Json.Nodes;

namespace Course.Notebooks.Execution;

/// <summary>How <see cref="NotebookRunner"/> runs a notebook: limits, error policy and progress callbacks.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>Longest a single cell may run; the kernel process is killed when it is exceeded. Default 10 minutes.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Longest the whole notebook may run, kernel start-up included. Default 60 minutes.</summary>
    public TimeSpan NotebookTimeout { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>The kernel process's managed-heap cap in bytes (<c>DOTNET_GCHeapHardLimit</c>). Default 4 GiB.</summary>
    public long MemoryLimitBytes { get; init; } = 4L << 30;

    /// <summary>Stop at the first failing cell. By default every cell runs, as Polyglot's "run all" and dotnet-repl do.</summary>
    public bool StopOnError { get; init; }

    /// <summary>Called when a code cell starts and when it finishes (from the runner's thread).</summary>
    public Action<CellProgress>? OnCellProgress { get; init; }

    /// <summary>Called with every event the kernel sends, known kinds or not (grading reads its own kinds here).</summary>
    public Action<JsonObject>? OnKernelEvent { get; init; }

    /// <summary>
    /// The command that starts a kernel process (program, then arguments); null finds the <c>course</c> command's
    /// <c>kernel</c> subcommand next to the running program (see <see cref="KernelCommand.Default"/>).
    /// </summary>
    public IReadOnlyList<string>? KernelCommand { get; init; }
}

/// <summary>Progress of one code cell, for live displays.</summary>
/// <param name="CellIndex">The cell's index among all cells of the notebook.</param>
/// <param name="CodeCellNumber">1-based position among the code cells.</param>
/// <param name="CodeCellCount">How many code cells the notebook has.</param>
/// <param name="Finished">False when the cell starts, true when it has finished.</param>
/// <param name="Ok">Whether it finished without an error output (false while running).</param>
/// <param name="Duration">How long it ran (zero while running).</param>
public sealed record CellProgress(int CellIndex, int CodeCellNumber, int CodeCellCount, bool Finished, bool Ok, TimeSpan Duration);
