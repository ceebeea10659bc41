using System.Diagnostics;
using Course.Notebooks.Exercises;
using Course.Notebooks.Exercises.Grading;
using Course.Notebooks.Files;
using static Course.Grading.Tests.SourceBuilder;

namespace Course.Grading.Tests;

public class VerifyTests
{
    [Fact]
    public async Task The_test_assignment_passes_on_its_source_and_fails_on_its_release()
    {
        var source = TestAssignment.Source;

        var (onSource, sourceProblems) = await SourceCheck.RunSourceAsync(source, TestAssignment.Limits);
        var (onReleased, releasedProblems) = await SourceCheck.RunReleasedAsync(source, TestAssignment.Limits);

        Assert.Empty(sourceProblems);
        Assert.Empty(releasedProblems);
        Assert.Equal([3, 2], onSource.Select(e => e.Cases.Count));
        Assert.All(onSource.SelectMany(e => e.Cases), c => Assert.True(c.Passed));
        Assert.Equal([2, 1], onReleased.Select(e => e.Cases.Count));  // hidden cases are not in the student version
        Assert.All(onReleased.SelectMany(e => e.Cases), c => Assert.False(c.Passed));
    }

    [Fact]
    public async Task Vacuous_checks_wrong_points_and_failing_ordinary_cells_are_violations()
    {
        string folder = Directory.CreateTempSubdirectory().FullName;
        var notebook = NotebookOf(Path.Combine(folder, "bad.ipynb"),
            Cell.Code("#r \"Course.Kit.dll\"\nusing Course.Kit.Exercises;"),
            Solution("09.1", "int Two()\n{\n    // BEGIN SOLUTION\n    return 2;\n    // END SOLUTION\n}"),
            Check("09.1", 5, """
                Exercise.Check("09.1", "two", ex =>
                {
                    ex.Case("is two", 1, () => Check.Close(2, Two()));
                    ex.Case("always passes", 1, () => { });
                })
                """),
            Cell.Code("Console.WriteLine(Two());"));
        var source = SourceNotebook.Parse(notebook);

        var (_, sourceProblems) = await SourceCheck.RunSourceAsync(source, TestAssignment.Limits);
        var (_, releasedProblems) = await SourceCheck.RunReleasedAsync(source, TestAssignment.Limits);

        Assert.Equal(new Violation("bad.ipynb", "09.1", "source", "the cases are worth 2 points but course.points says 5"), Assert.Single(sourceProblems));
        Assert.Contains(new Violation("bad.ipynb", "09.1", "released",
            "case 'always passes' passes on the released stub, so it does not test the student's code"), releasedProblems);
        Assert.Contains(releasedProblems, v => v.Exercise is null && v.Problem.StartsWith("cell 4, outside the exercises, fails: System.NotImplementedException"));
    }

    [Fact]
    public void Course_verify_prints_a_table_and_exits_zero_on_the_test_assignment()
    {
        var (exit, output) = Course("verify", TestAssignment.SourceFolder, "--cell-timeout", "30");

        Assert.True(exit == 0, output);
        Assert.Contains("│ 01-basics.ipynb │ 01.1     │ 3      │ 3/3 pass │ 2/2 fail │", output);
        Assert.Contains("all checks verified", output);
    }

    [Fact]
    public void Course_release_with_bad_markup_prints_one_line_and_exits_64()
    {
        string folder = Directory.CreateTempSubdirectory().FullName;
        NotebookOf(Path.Combine(folder, "broken.ipynb"), Solution("01.1", "// BEGIN SOLUTION")).Save(Path.Combine(folder, "broken.ipynb"));

        var (exit, output) = Course("release", folder, "--out", Path.Combine(folder, "out"));

        Assert.Equal(64, exit);
        Assert.Equal($"course: {Path.Combine(folder, "broken.ipynb")}: cell 1 (id ", output.Trim()[..(output.IndexOf("(id ") + 4)]);
        Assert.Contains("line 1: '// BEGIN SOLUTION' is never closed by '// END SOLUTION'", output);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }

    /// <summary>Runs the course command (Course.Cli.dll next to the tests) and returns its exit code and output.</summary>
    private static (int, string) Course(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Course.Cli.dll"));
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["COLUMNS"] = "200";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
