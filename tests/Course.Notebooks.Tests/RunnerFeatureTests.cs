using Course.Notebooks.Execution;
using Course.Notebooks.Files;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Course.Notebooks.Tests;

/// <summary>Runs notebooks/features.ipynb once in a kernel process; each test checks one behaviour in its outputs.</summary>
public sealed class FeatureNotebookRun : IAsyncLifetime
{
    public NotebookRunResult Result { get; private set; } = null!;
    public string Folder { get; } = TestNotebooks.CopyToTemp();

    public async Task InitializeAsync()
    {
        BuildTinyLibrary(Path.Combine(Folder, "Tiny.dll"));
        Result = await TestNotebooks.RunAsync(Path.Combine(Folder, "features.ipynb"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A one-class library for the notebook's <c>#r "Tiny.dll"</c>, compiled here so no binary is committed.</summary>
    private static void BuildTinyLibrary(string path)
    {
        var compilation = CSharpCompilation.Create("Tiny",
            [CSharpSyntaxTree.ParseText("namespace Tiny; public static class Answer { public static int Value => 42; }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
    }

    /// <summary>The notebook's cell <paramref name="number"/>, counting from 1 as editors show them (the markdown cell is 1).</summary>
    public Cell Cell(int number) => Result.Executed.Cells[number - 1];
}

public sealed class RunnerFeatureTests(FeatureNotebookRun run) : IClassFixture<FeatureNotebookRun>
{
    private static string Html(Cell cell) => TestNotebooks.Shown(cell, "text/html");

    [Fact]
    public void StandardFirstCellMapsTheKitAndSeparatesStdoutFromStderr()
    {
        var outputs = run.Cell(2).Outputs;
        Assert.Equal([new StreamOutput("stdout", "hello from stdout\n"), new StreamOutput("stderr", "hello from stderr\n")], outputs);
    }

    [Fact]
    public void DisplayUpdatesReplaceTheirOutputInPlaceEvenFromALaterCell()
    {
        var displays = run.Cell(3).Outputs.OfType<DisplayOutput>().ToList();
        Assert.Equal(3, displays.Count); // display + update is one output, not two
        Assert.Equal("final", MimeBundle.Text(displays[0].Data, "text/plain")); // updated by cell 14
        Assert.Equal("<b>bold</b>", MimeBundle.Text(displays[1].Data, "text/html"));
        Assert.Equal("<i>markup</i>", MimeBundle.Text(displays[2].Data, "text/html"));
        Assert.Empty(run.Cell(14).Outputs); // `progress.Update(...);` ends in ';': no value of its own
    }

    [Fact]
    public void OnlyATrailingExpressionGivesAnExecuteResult()
    {
        var result = Assert.IsType<ExecuteResultOutput>(Assert.Single(run.Cell(4).Outputs));
        Assert.Equal(3, result.ExecutionCount); // the third code cell
        Assert.Contains("<pre>3</pre>", MimeBundle.Text(result.Data, "text/html"));
        Assert.DoesNotContain(run.Cell(3).Outputs, o => o is ExecuteResultOutput);
    }

    [Fact]
    public void TimeMagicAndLoadWork()
    {
        var outputs = run.Cell(5).Outputs;
        Assert.Contains("<pre>42</pre>", Html(run.Cell(5)));
        var wallTime = Assert.IsType<DisplayOutput>(outputs[^1]);
        Assert.Matches(@"^Wall time: [0-9.]+ms$", MimeBundle.Text(wallTime.Data, "text/plain"));
    }

    [Fact]
    public void RelativeAssemblyReferenceResolvesAgainstTheNotebookFolder() =>
        Assert.Contains("<pre>42</pre>", Html(run.Cell(6)));

    [Fact]
    public void AClassRedefinedInALaterCellIsTheNewOne()
    {
        Assert.Contains("<pre>1</pre>", Html(run.Cell(7)));
        Assert.Contains("<pre>2</pre>", Html(run.Cell(8)));
    }

    [Fact]
    public void TopLevelAwaitWorks() => Assert.Contains("<pre>7</pre>", Html(run.Cell(9)));

    [Fact]
    public void CompileErrorGivesTheCodeAndTheCellsOwnLine()
    {
        var error = Assert.IsType<ErrorOutput>(Assert.Single(run.Cell(10).Outputs));
        Assert.Equal("CompilationError", error.Ename);
        Assert.StartsWith("(2,14): error CS0103: The name 'undefinedName' does not exist", error.Evalue);
    }

    [Fact]
    public void RuntimeErrorNamesTheCellLineAndLaterCellsStillSeeItsVariables()
    {
        var error = Assert.IsType<ErrorOutput>(Assert.Single(run.Cell(11).Outputs));
        Assert.Equal("System.InvalidOperationException", error.Ename);
        Assert.Equal("boom", error.Evalue);
        Assert.Contains(error.Traceback, line => line.Contains("cell-11.csx:line 2"));
        Assert.DoesNotContain(error.Traceback, line => line.Contains("Microsoft.CodeAnalysis"));
        Assert.Contains("<pre>42</pre>", Html(run.Cell(12))); // kept + 1
    }

    [Fact]
    public void TheNotebookSeesTheRunnersOnlyCopyOfTheKit()
    {
        Assert.Equal("True\n", ((StreamOutput)run.Cell(13).Outputs[0]).Text); // DisplayHost.Current was installed
        Assert.Contains("<pre>1</pre>", Html(run.Cell(13))); // one Course.Kit assembly in the process
    }

    [Fact]
    public void UnsupportedMagicAndForeignNuGetPackagesAreErrorsNamingTheLine()
    {
        var error = Assert.IsType<ErrorOutput>(Assert.Single(run.Cell(15).Outputs));
        Assert.Equal("UnsupportedDirective", error.Ename);
        Assert.Contains("line 2: #!whos", error.Evalue);
        Assert.Contains("not supported by the headless runner", error.Evalue);
        Assert.Contains("line 3: #r \"nuget: Newtonsoft.Json, 13.0.1\"", error.Evalue);
        Assert.Contains("<pre>2</pre>", Html(run.Cell(16))); // the cell did not run: x is unknown, torch still works
    }

    [Fact]
    public void ExecutionCountsTimingAndStatusAreRecorded()
    {
        Assert.Equal(RunStatus.CellFailed, run.Result.Status);
        Assert.Equal(15, run.Result.CodeCells);
        Assert.Equal(15, run.Result.CellsRun);
        Assert.StartsWith("cell 10: CompilationError", run.Result.FirstError);
        Assert.Equal(Enumerable.Range(1, 15).Cast<int?>(), run.Result.Executed.Cells.Skip(1).Select(c => c.ExecutionCount));
        Assert.All(run.Result.Executed.Cells.Skip(1), c => Assert.True((double?)c.Metadata["course"]?["duration_ms"] >= 0));
        Assert.Null(run.Result.Executed.Cells[0].ExecutionCount); // markdown
    }

    [Fact]
    public void TheExecutedNotebookIsValidNbformatAndStillACSharpNotebook()
    {
        string json = run.Result.Executed.ToIpynb();
        Nbformat.AssertValid(json);
        var reread = Notebook.ParseIpynb(json);
        Assert.True(reread.IsCSharp);
        Assert.Equal(".net-csharp", reread.KernelSpecName);
        Assert.Equal("csharp", reread.Cells[1].KernelName);
    }
}
