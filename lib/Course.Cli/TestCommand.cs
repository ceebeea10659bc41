using System.CommandLine;
using Course.Notebooks.Execution;
using Spectre.Console;

namespace Course.Cli;

/// <summary>
/// <c>course test [folder]</c>: runs every notebook, as many at once as there are cores (each in its own kernel
/// process), then prints a summary table and optionally writes JUnit XML. Exits non-zero if any notebook fails.
/// </summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var folder = new Argument<string?>("folder")
        {
            Description = "Folder of notebooks (default: notebooks/ in the repository)", Arity = ArgumentArity.ZeroOrOne,
        };
        var junit = new Option<string?>("--junit") { Description = "Write a JUnit XML report to this file" };
        var binder = new RunOptionsBinder();
        var command = new Command("test", "Run every notebook of a folder in parallel and report which pass") { folder, junit };
        binder.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            string root = parse.GetValue(folder) ?? Path.Combine(RepoRoot.Find() ?? ".", "notebooks");
            var files = NotebookFiles.Expand([root]);
            var loaded = files.Select(NotebookFiles.Load).ToList();
            var options = binder.Options(parse);
            string outFolder = binder.OutputFolder(parse);
            Directory.CreateDirectory(outFolder);
            var results = new NotebookRunResult[loaded.Count];
            AnsiConsole.MarkupLineInterpolated($"running {loaded.Count} notebooks, {Environment.ProcessorCount} at a time");
            await Parallel.ForEachAsync(Enumerable.Range(0, loaded.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellation },
                async (i, token) =>
                {
                    results[i] = await NotebookRunner.RunAsync(loaded[i], options, token);
                    results[i].Executed.Save(Path.Combine(outFolder, NotebookFiles.OutputName(files[i])));
                    AnsiConsole.MarkupLine($"  {StatusMarkup.Of(results[i].Status)} {Markup.Escape(files[i])}" +
                                           (results[i].FirstError is { } e ? $" [grey]{Markup.Escape(e)}[/]" : ""));
                });
            PrintSummary(files, results);
            if (parse.GetValue(junit) is { } junitPath) JUnitReport.Write(junitPath, files, results);
            return results.Select(r => ExitCodes.For(r.Status)).DefaultIfEmpty(ExitCodes.Ok).Max();
        });
        return command;
    }

    private static void PrintSummary(IReadOnlyList<string> files, IReadOnlyList<NotebookRunResult> results)
    {
        var table = new Table().AddColumns("notebook", "cells", "seconds", "status");
        for (int i = 0; i < files.Count; i++)
            table.AddRow(Markup.Escape(files[i]), $"{results[i].CellsRun}/{results[i].CodeCells}",
                $"{results[i].Duration.TotalSeconds:0.0}", StatusMarkup.Of(results[i].Status));
        AnsiConsole.Write(table);
        int passed = results.Count(r => r.Status == RunStatus.Succeeded);
        AnsiConsole.WriteLine($"notebooks: {passed} passed, {results.Count - passed} failed");
    }
}
