using Course.Notebooks.Files;

namespace Course.Notebooks.Execution;

/// <summary>How a notebook run ended, worst last; the <c>course</c> command maps these to exit codes 0, 2, 3, 4.</summary>
public enum RunStatus
{
    /// <summary>Every code cell ran without an error output.</summary>
    Succeeded,
    /// <summary>At least one cell produced an error output (compile error, exception, unsupported magic).</summary>
    CellFailed,
    /// <summary>A cell or the notebook ran past its timeout and the kernel process was killed.</summary>
    TimedOut,
    /// <summary>The kernel process died (stack overflow, fail-fast, Environment.Exit, killed for memory).</summary>
    Crashed,
}

/// <summary>The outcome of running one notebook.</summary>
/// <param name="Executed">The notebook with outputs, execution counts and per-cell timing (metadata.course.duration_ms).</param>
/// <param name="Status">How the run ended.</param>
/// <param name="CodeCells">How many code cells the notebook has.</param>
/// <param name="CellsRun">How many of them ran (fewer after a timeout, a crash or a stop on error).</param>
/// <param name="Duration">Wall time of the whole run, kernel start-up included.</param>
/// <param name="FirstError">"cell N: ename: evalue" of the first error, or null when there was none.</param>
public sealed record NotebookRunResult(
    Notebook Executed, RunStatus Status, int CodeCells, int CellsRun, TimeSpan Duration, string? FirstError);
