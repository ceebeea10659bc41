using System.Text.Json.Nodes;
using Course.Notebooks.Files;

namespace Course.Grading.Tests;

/// <summary>Small exercise notebooks built in memory, so each test shows the markup it is about.</summary>
internal static class SourceBuilder
{
    public static Cell Marked(Cell cell, string? exercise, string role, double? points = null)
    {
        var course = new JsonObject();
        if (exercise is not null) course["exercise"] = exercise;
        course["role"] = role;
        if (points is not null) course["points"] = points;
        cell.Metadata["course"] = course;
        return cell;
    }

    public static Cell Instructions(string exercise, string text) => Marked(Cell.Markdown(text), exercise, "locked");
    public static Cell Solution(string exercise, string code, string id = "") => Marked(Cell.Code(code, id), exercise, "solution");
    public static Cell Check(string exercise, double points, string code) => Marked(Cell.Code(code), exercise, "check", points);

    public static Notebook NotebookOf(string path, params Cell[] cells)
    {
        var notebook = Course.Notebooks.Files.Notebook.CreateCSharp();
        notebook.Path = path;
        notebook.Cells.AddRange(cells);
        // Written and read back, so every cell has its nbformat id as in a real file.
        var read = Course.Notebooks.Files.Notebook.ParseIpynb(notebook.ToIpynb(), path);
        read.Path = path;
        return read;
    }

    public const string AddSolution = """
        int Add(int a, int b)
        {
            // BEGIN SOLUTION
            return a + b;
            // END SOLUTION
        }
        """;

    public const string AddCheck = """
        Exercise.Check("01.1", "add", ex => {
            ex.Case("small", points: 1, () => Check.Close(3, Add(1, 2)));
            // BEGIN HIDDEN TESTS
            ex.Hidden("negative", points: 1, () => Check.Close(-3, Add(-1, -2)));
            // END HIDDEN TESTS
        });
        """;

    /// <summary>A one-exercise source: setup, instructions, solution, check.</summary>
    public static Notebook AddExercise(string path = "/course/01-add.ipynb") => NotebookOf(path,
        Marked(Cell.Code("using Course.Kit.Exercises;"), null, "locked"),
        Instructions("01.1", "## Exercise 01.1: Add two numbers\nWrite `Add`."),
        Solution("01.1", AddSolution),
        Check("01.1", 2, AddCheck));
}
