using Course.Notebooks.Execution;
using Course.Notebooks.Files;

namespace Course.Notebooks.Exercises.Grading;

/// <summary>
/// Runs notebooks for release checks and grading: the runner's kernel process, started with the <c>course</c>
/// command's hidden <c>grading-kernel</c> subcommand, which also forwards the kit's check results as
/// <see cref="CaseEvents"/>. The results are attributed to cells by a <see cref="CheckRecorder"/>.
/// </summary>
public static class GradingKernel
{
    /// <summary>The hidden subcommand of <c>course</c> that starts a grading kernel process.</summary>
    public const string Subcommand = "grading-kernel";

    /// <summary>The grading kernel process's entry point: forward check results, then serve the runner's protocol.</summary>
    public static Task<int> ServeAsync() => KernelProcess.RunAsync(CaseEvents.ForwardTo);

    /// <summary>The command that starts a grading kernel: the runner's kernel command with our subcommand.</summary>
    public static IReadOnlyList<string> Command() => [.. KernelCommand.Default().SkipLast(1), Subcommand];

    /// <summary>Runs <paramref name="notebook"/> in a grading kernel and records which cell reported which results.</summary>
    /// <param name="notebook">The notebook; its path sets the working directory.</param>
    /// <param name="limits">Timeouts and memory cap (callbacks and kernel command are set here).</param>
    /// <param name="cancellation">Stops the run (the kernel is killed).</param>
    public static async Task<(NotebookRunResult Run, CheckRecorder Checks)> RunAsync(Notebook notebook, NotebookRunOptions limits,
        CancellationToken cancellation = default)
    {
        var recorder = new CheckRecorder();
        var options = limits with
        {
            KernelCommand = limits.KernelCommand ?? Command(),
            OnCellProgress = p => { if (p.Finished) recorder.CellFinished(); else recorder.CellStarted(p.CellIndex); },
            OnKernelEvent = recorder.Event,
        };
        var run = await NotebookRunner.RunAsync(notebook, options, cancellation);
        return (run, recorder);
    }
}
