using System.Text.Json.Nodes;
using Course.Notebooks.Exercises;
using Course.Notebooks.Execution;
using Course.Notebooks.Files;

namespace Course.Grading.Tests;

/// <summary>
/// The committed test assignment (assignment/source/01-basics.ipynb: exercise 01.1 Square worth 3 points, 01.2 Mean
/// worth 2) and helpers that write student submissions from its released version.
/// </summary>
internal static class TestAssignment
{
    public static string SourceFolder => Path.Combine(AppContext.BaseDirectory, "assignment", "source");

    public static SourceNotebook Source => SourceNotebook.Load(Path.Combine(SourceFolder, "01-basics.ipynb"));

    /// <summary>Short limits so runaway submissions end quickly, but room for a slow first cell on a busy machine.</summary>
    public static readonly NotebookRunOptions Limits = new()
    {
        CellTimeout = TimeSpan.FromSeconds(10), NotebookTimeout = TimeSpan.FromSeconds(120), MemoryLimitBytes = 1L << 30,
    };

    public const string Square = "double Square(double x) => x * x;";
    public const string Mean = "double Mean(double[] xs) => xs.Average();";

    /// <summary>The released notebook, as a student receives it.</summary>
    public static Notebook Released() => StudentVersion.Of(Source);

    /// <summary>The released notebook with both exercises answered correctly.</summary>
    public static Notebook Solved() => Answer(Answer(Released(), "01.1", Square), "01.2", Mean);

    /// <summary>Types <paramref name="code"/> into the solution cell of <paramref name="exercise"/>.</summary>
    public static Notebook Answer(Notebook notebook, string exercise, string code)
    {
        SolutionCell(notebook, exercise).Source = code;
        return notebook;
    }

    public static Cell SolutionCell(Notebook notebook, string exercise) => notebook.Cells.First(c => Is(c, exercise, "solution"));

    public static Cell CheckCell(Notebook notebook, string exercise) => notebook.Cells.First(c => Is(c, exercise, "check"));

    private static bool Is(Cell cell, string exercise, string role) =>
        cell.Metadata["course"] is JsonObject course && (string?)course["exercise"] == exercise && (string?)course["role"] == role;
}
