using System.Diagnostics;
using System.Xml.Linq;
using Course.Notebooks.Execution;
using Course.Notebooks.Files;

namespace Course.Notebooks.Tests;

/// <summary>The <c>course</c> command as a user runs it: exit codes, one-line errors, executed copies, JUnit XML.</summary>
public class CourseCommandTests
{
    private static readonly string Folder = TestNotebooks.CopyToTemp();

    private sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    private static async Task<Outcome> RunCourse(params string[] arguments)
    {
        var start = new ProcessStartInfo(KernelCommand.Default()[0])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Folder,
        };
        foreach (string a in KernelCommand.Default().Skip(1).SkipLast(1).Concat(arguments)) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Outcome(process.ExitCode, await stdout, await stderr);
    }

    [Theory]
    [InlineData("corrupt.ipynb", "not valid JSON")]
    [InlineData("missing.ipynb", "no such file")]
    [InlineData("python.ipynb", "its kernel is 'python3', not .NET (C#)")]
    public async Task BadInputIsOneClearLineAndExitCode64(string notebook, string says)
    {
        var outcome = await RunCourse("run", notebook, "--out", "out");
        Assert.Equal(64, outcome.ExitCode);
        string line = Assert.Single(outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"course: {notebook}", line);
        Assert.Contains(says, line);
        Assert.DoesNotContain("   at ", outcome.Stderr + outcome.Stdout);
    }

    [Fact]
    public async Task TestRunsAFolderAndWritesJUnit()
    {
        var outcome = await RunCourse("test", "suite", "--out", "executed", "--junit", "report/junit.xml");
        Assert.Equal(2, outcome.ExitCode); // fails.ipynb has a failing cell
        Assert.Contains("notebooks: 1 passed, 1 failed", outcome.Stdout);
        var suite = XDocument.Load(Path.Combine(Folder, "report", "junit.xml")).Root!.Element("testsuite")!;
        Assert.Equal("2", (string?)suite.Attribute("tests"));
        Assert.Equal("1", (string?)suite.Attribute("failures"));
        var failure = suite.Elements("testcase").Single(c => ((string)c.Attribute("name")!).EndsWith("fails.ipynb")).Element("failure")!;
        Assert.Contains("cell 1: System.Exception: this notebook fails on purpose", (string?)failure.Attribute("message"));
        var passed = Notebook.Load(Path.Combine(Folder, "executed", "passes.ipynb"));
        Assert.Equal("42\n", TestNotebooks.Shown(passed.Cells[0]));
    }

    [Fact]
    public async Task ExportWritesASiteAndNamesAMissingInputInOneLine()
    {
        var outcome = await RunCourse("export", "suite/passes.ipynb", "--html", "site", "--title", "Test course");
        Assert.True(outcome.ExitCode == 0, outcome.Stderr);
        Assert.Contains("Test course", File.ReadAllText(Path.Combine(Folder, "site", "index.html")));
        Assert.True(File.Exists(Path.Combine(Folder, "site", "passes.html")));
        Assert.Contains("has no outputs: export the executed copy", outcome.Stdout);   // a committed notebook, not run

        var missing = await RunCourse("export", "nowhere", "--html", "site2");
        Assert.Equal(64, missing.ExitCode);
        Assert.Equal("course: nowhere: no such file or folder", missing.Stderr.Trim());
        Assert.False(Directory.Exists(Path.Combine(Folder, "site2")));
    }
}
