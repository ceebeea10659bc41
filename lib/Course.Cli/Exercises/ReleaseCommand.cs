using System.CommandLine;
using Course.Notebooks.Exercises;
using Spectre.Console;

namespace Course.Cli.Exercises;

/// <summary><c>course release &lt;source-folder&gt; --out DIR</c>: student notebooks and a manifest from instructor sources.</summary>
internal static class ReleaseCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source-folder") { Description = "Folder of source notebooks (with solutions)" };
        var output = new Option<string>("--out") { Description = "Folder for the student notebooks and manifest.json", Required = true };
        var command = new Command("release", "Write student versions of exercise notebooks: solutions stubbed, hidden tests removed, locked cells read-only")
        {
            source, output,
        };
        command.SetAction(parse =>
        {
            var manifest = ExerciseCommandErrors.Guard(() => Release.Folder(parse.GetValue(source)!, parse.GetValue(output)!));
            var table = new Table().AddColumns("notebook", "assignment", "exercises", "points", "locked cells");
            foreach (var n in manifest.Notebooks)
                table.AddRow(Markup.Escape(n.File), Markup.Escape(n.Assignment), n.Exercises.Count.ToString(),
                    n.Exercises.Sum(e => e.Points).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), n.LockedCells.Count.ToString());
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated($"released to {parse.GetValue(output)} (with {ReleaseManifest.FileName})");
            return ExitCodes.Ok;
        });
        return command;
    }
}
