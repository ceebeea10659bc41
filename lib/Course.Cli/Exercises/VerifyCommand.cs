using System.CommandLine;
using Course.Notebooks.Exercises;
using Course.Notebooks.Exercises.Grading;
using Spectre.Console;

namespace Course.Cli.Exercises;

/// <summary>
/// <c>course verify &lt;source-folder&gt;</c>: every check passes on the source with the points its metadata states,
/// and fails on the released notebook, where no cell outside the exercises may error. Exit 1 on any violation.
/// </summary>
internal static class VerifyCommand
{
    public const int Violations = 1;

    public static Command Create()
    {
        var source = new Argument<string>("source-folder") { Description = "Folder of source notebooks (with solutions)" };
        var binder = new RunOptionsBinder();
        var command = new Command("verify", "Prove the exercise checks: they pass on the sources and fail on the released stubs") { source };
        foreach (var option in new Option[] { binder.CellTimeout, binder.Timeout, binder.MemoryLimit }) command.Options.Add(option);
        command.SetAction(async (parse, cancellation) =>
        {
            var sources = ExerciseCommandErrors.Guard(() => SourceFolder.Load(parse.GetValue(source)!));
            var limits = binder.Options(parse);
            var table = new Table().AddColumns("notebook", "exercise", "points", "source", "released");
            var violations = new List<Violation>();
            foreach (var notebook in sources)
            {
                AnsiConsole.MarkupLineInterpolated($"verifying {notebook.Name}");
                var (onSource, sourceProblems) = await SourceCheck.RunSourceAsync(notebook, limits, cancellation);
                var (onReleased, releasedProblems) = await SourceCheck.RunReleasedAsync(notebook, limits, cancellation);
                violations.AddRange(sourceProblems.Concat(releasedProblems));
                foreach (var run in onSource)
                {
                    var released = onReleased.First(r => r.Exercise.Id == run.Exercise.Id);
                    table.AddRow(Markup.Escape(Path.GetFileName(notebook.Name)), Markup.Escape(run.Exercise.Id),
                        Scoring.Format(run.Exercise.Points),
                        Cell(sourceProblems, run.Exercise.Id, $"{run.Cases.Count(c => c.Passed)}/{run.Cases.Count} pass"),
                        Cell(releasedProblems, run.Exercise.Id, $"{released.Cases.Count(c => !c.Passed)}/{released.Cases.Count} fail"));
                }
            }
            AnsiConsole.Write(table);
            foreach (var v in violations)
                AnsiConsole.MarkupLineInterpolated($"[red]✗[/] {v.Notebook} {v.Exercise ?? ""} ({v.Version}): {v.Problem}");
            AnsiConsole.MarkupLine(violations.Count == 0 ? "[green]all checks verified[/]" : $"[red]{violations.Count} violation(s)[/]");
            return violations.Count == 0 ? ExitCodes.Ok : Violations;
        });
        return command;
    }

    private static string Cell(List<Violation> problems, string exercise, string counts) =>
        problems.Any(p => p.Exercise == exercise) ? $"[red]{Markup.Escape(counts)}[/]" : $"[green]{Markup.Escape(counts)}[/]";
}
