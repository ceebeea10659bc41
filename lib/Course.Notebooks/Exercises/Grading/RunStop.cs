using Course.Notebooks.Files;

namespace Course.Notebooks.Exercises.Grading;

/// <summary>Where and why a run ended early: the cell on which the runner reported a timeout or a kernel crash.</summary>
/// <param name="Cell">The index of the cell that was running.</param>
/// <param name="Status"><see cref="GradeStatus.Timeout"/> or <see cref="GradeStatus.Crashed"/>.</param>
/// <param name="Reason">The runner's message, first line.</param>
public sealed record RunStop(int Cell, GradeStatus Status, string Reason)
{
    /// <summary>The error names the runner gives the error it adds to the cell it stopped on.</summary>
    private static readonly Dictionary<string, GradeStatus> StopErrors = new()
    {
        ["CellTimeout"] = GradeStatus.Timeout, ["NotebookTimeout"] = GradeStatus.Timeout, ["KernelCrashed"] = GradeStatus.Crashed,
    };

    /// <summary>The stop in an executed notebook, or null when every cell got to run.</summary>
    public static RunStop? Find(Notebook executed)
    {
        for (int i = 0; i < executed.Cells.Count; i++)
            foreach (var error in executed.Cells[i].Outputs.OfType<ErrorOutput>())
                if (StopErrors.TryGetValue(error.Ename, out var status))
                    return new RunStop(i, status, error.Evalue.Split('\n')[0]);
        return null;
    }

    /// <summary>The first error output of a cell as "ename: evalue" (first line), or null when it has none.</summary>
    public static string? ErrorOf(Cell cell) =>
        cell.Outputs.OfType<ErrorOutput>().FirstOrDefault() is { } e ? $"{e.Ename}: {e.Evalue.Split('\n')[0]}" : null;
}
