using Course.Notebooks.Execution;
using Course.Notebooks.Files;

namespace Course.Notebooks.Tests;

/// <summary>
/// A kernel that hangs, overflows its stack or exhausts its memory cap: the failure lands on the cell that caused it,
/// earlier outputs stay, later cells do not run (a crash or a timeout), and the written notebook is still valid.
/// </summary>
public class RunnerFailureTests
{
    private static readonly string Folder = TestNotebooks.CopyToTemp();

    private static void AssertFirstCellSurvived(NotebookRunResult result, string printed)
    {
        Assert.Equal(new StreamOutput("stdout", printed + "\n"), Assert.Single(result.Executed.Cells[0].Outputs));
        Nbformat.AssertValid(result.Executed.ToIpynb());
    }

    [Fact]
    public async Task InfiniteLoopIsKilledAtTheCellTimeout()
    {
        var result = await TestNotebooks.RunAsync(Path.Combine(Folder, "timeout.ipynb"),
            // Generous enough that compiling the first cell on a busy 2-core machine never reaches it.
            new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(10) });
        Assert.Equal(RunStatus.TimedOut, result.Status);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(result.Executed.Cells[1].Outputs));
        Assert.Equal("CellTimeout", error.Ename);
        Assert.Contains("cell timeout (10 s)", error.Evalue);
        Assert.Empty(result.Executed.Cells[2].Outputs);
        Assert.Null(result.Executed.Cells[2].ExecutionCount);
        Assert.Equal(2, result.CellsRun);
        AssertFirstCellSurvived(result, "before the loop");
    }

    [Fact]
    public async Task StackOverflowIsACrashReportedOnItsCell()
    {
        var result = await TestNotebooks.RunAsync(Path.Combine(Folder, "stackoverflow.ipynb"));
        Assert.Equal(RunStatus.Crashed, result.Status);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(result.Executed.Cells[1].Outputs));
        Assert.Equal("KernelCrashed", error.Ename);
        Assert.Contains("Stack overflow", error.Evalue);
        Assert.Contains(error.Traceback, line => line.Contains("Down")); // the runtime's report, from stderr
        Assert.Empty(result.Executed.Cells[2].Outputs);
        AssertFirstCellSurvived(result, "before the recursion");
    }

    [Fact]
    public async Task AllocationPastTheMemoryCapFailsItsCell()
    {
        var result = await TestNotebooks.RunAsync(Path.Combine(Folder, "memory.ipynb"),
            new NotebookRunOptions { MemoryLimitBytes = 512L << 20, StopOnError = true });
        var error = Assert.IsType<ErrorOutput>(Assert.Single(result.Executed.Cells[1].Outputs));
        // The runtime throws OutOfMemoryException in the cell; were the process to die instead, it is a crash there.
        Assert.True(error.Ename is "System.OutOfMemoryException" or "KernelCrashed", $"{error.Ename}: {error.Evalue}");
        Assert.NotEqual(RunStatus.Succeeded, result.Status);
        Assert.Empty(result.Executed.Cells[2].Outputs);
        AssertFirstCellSurvived(result, "before the allocation");
    }
}
