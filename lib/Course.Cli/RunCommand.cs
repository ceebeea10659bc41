using System.CommandLine;
using Course.Notebooks.Execution;
using Course.Notebooks.Files;
using Spectre.Console;

namespace Course.Cli;

/// <summary><c>course run &lt;notebook|folder&gt;...</c>: runs notebooks one after another with live per-cell progress.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var notebooks = new Argument<string[]>("notebooks")
        {
            Description = "Notebook files (.ipynb, .dib) or folders of them", Arity = ArgumentArity.OneOrMore,
        };
        var binder = new RunOptionsBinder();
        var command = new Command("run", "Run notebooks headlessly and write executed copies") { notebooks };
        binder.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var files = NotebookFiles.Expand(parse.GetValue(notebooks)!);
            var loaded = files.Select(NotebookFiles.Load).ToList(); // every input is checked before anything runs
            var options = binder.Options(parse);
            string outFolder = binder.OutputFolder(parse);
            int exitCode = ExitCodes.Ok;
            foreach (var notebook in loaded)
            {
                var result = await RunOneAsync(notebook, options, outFolder, cancellation);
                exitCode = Math.Max(exitCode, ExitCodes.For(result.Status));
            }
            return exitCode;
        });
        return command;
    }

    private static async Task<NotebookRunResult> RunOneAsync(
        Notebook notebook, NotebookRunOptions options, string outFolder, CancellationToken cancellation)
    {
        string path = notebook.Path!;
        string output = Path.Combine(outFolder, NotebookFiles.OutputName(path));
        AnsiConsole.MarkupLineInterpolated($"[bold]{path}[/]");
        NotebookRunResult result = null!;
        await AnsiConsole.Status().StartAsync($"starting the kernel for {Markup.Escape(path)}", async status =>
        {
            var live = options with
            {
                OnCellProgress = p =>
                {
                    if (!p.Finished) status.Status($"cell {p.CellIndex + 1} ({p.CodeCellNumber}/{p.CodeCellCount}) running…");
                    else AnsiConsole.MarkupLine(CellLine(notebook.Cells[p.CellIndex], p));
                },
            };
            result = await NotebookRunner.RunAsync(notebook, live, cancellation);
        });
        Directory.CreateDirectory(outFolder);
        result.Executed.Save(output);
        ReportErrors(result);
        AnsiConsole.MarkupLine($"{StatusMarkup.Of(result.Status)} in {result.Duration.TotalSeconds:0.0} s: " +
                               $"{result.CellsRun}/{result.CodeCells} cells ran; wrote {Markup.Escape(output)}");
        return result;
    }

    private static string CellLine(Cell source, CellProgress p)
    {
        string mark = p.Ok ? "[green]✓[/]" : "[red]✗[/]";
        string firstLine = source.Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        if (firstLine.Length > 60) firstLine = firstLine[..57] + "...";
        return $"  {mark} [[{p.CodeCellNumber,2}/{p.CodeCellCount}]] cell {p.CellIndex + 1,-3} " +
               $"{p.Duration.TotalSeconds,6:0.00} s  [grey]{Markup.Escape(firstLine)}[/]";
    }

    /// <summary>The error outputs, as the notebook shows them, so a failing CI log says what went wrong.</summary>
    private static void ReportErrors(NotebookRunResult result)
    {
        foreach (var (cell, index) in result.Executed.Cells.Select((c, i) => (c, i)))
            foreach (var error in cell.Outputs.OfType<ErrorOutput>())
            {
                AnsiConsole.MarkupLineInterpolated($"  [red]cell {index + 1}: {error.Ename}: {error.Evalue}[/]");
                foreach (string line in error.Traceback.Skip(1).Take(12))
                    AnsiConsole.MarkupLineInterpolated($"    [grey]{line}[/]");
            }
    }
}
