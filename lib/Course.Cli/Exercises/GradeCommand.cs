using System.CommandLine;
using Course.Notebooks.Exercises.Grading;
using Spectre.Console;

namespace Course.Cli.Exercises;

/// <summary>
/// <c>course grade --source DIR --submissions DIR --out DIR [--parallel N] [--timeout SEC] [--cell-timeout SEC]
/// [--memory-limit MIB] [--force]</c>: see <see cref="Grader"/>. Prints a line per submission as it finishes and the
/// summary at the end.
/// </summary>
internal static class GradeCommand
{
    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "Folder of source notebooks (with solutions and hidden tests)", Required = true };
        var submissions = new Option<string>("--submissions") { Description = "Folder of submissions: NAME.ipynb, or a folder NAME/ holding one", Required = true };
        var output = new Option<string>("--out") { Description = "Folder for grades.csv, gradebook.json, summary.txt and feedback pages", Required = true };
        var parallel = new Option<int>("--parallel") { Description = "Submissions graded at once", DefaultValueFactory = _ => 1 };
        var force = new Option<bool>("--force") { Description = "Grade again submissions already graded" };
        var binder = new RunOptionsBinder();
        binder.CellTimeout.DefaultValueFactory = _ => 30;
        binder.Timeout.DefaultValueFactory = _ => 600;
        var command = new Command("grade", "Grade submissions in separate processes and write the gradebook and feedback")
        {
            source, submissions, output, parallel, force, binder.CellTimeout, binder.Timeout, binder.MemoryLimit,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            if (parse.GetValue(parallel) < 1) throw new UsageException("--parallel must be at least 1");
            var options = new GradeOptions
            {
                Limits = binder.Options(parse), Parallel = parse.GetValue(parallel), Force = parse.GetValue(force),
                OnProgress = p => AnsiConsole.MarkupLineInterpolated(
                    $"[grey][[{p.Done}/{p.Total}]][/] {p.Grade.Student}: {Scoring.Format(p.Grade.Points)}/{Scoring.Format(p.Grade.MaxPoints)} {(p.Skipped ? "(graded before, kept)" : $"in {p.Grade.Seconds:0.0} s")}"),
            };
            string outFolder = parse.GetValue(output)!;
            var report = await ExerciseCommandErrors.GuardAsync(() =>
                Grader.GradeAsync(parse.GetValue(source)!, parse.GetValue(submissions)!, outFolder, options, cancellation));
            AnsiConsole.WriteLine();
            AnsiConsole.Write(new Text(report.Summary));
            AnsiConsole.MarkupLineInterpolated($"{report.Graded} graded, {report.Skipped} kept from an earlier run; gradebook in {outFolder}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
