using System.CommandLine;
using Course.Notebooks.Export;
using Spectre.Console;

namespace Course.Cli;

/// <summary>
/// <c>course export &lt;notebook|folder&gt;... --html DIR</c>: a static site (one page per notebook plus an index) that
/// works offline from file://. It shows the outputs the notebooks hold, so export executed copies (what
/// <c>course run</c> writes to build/notebooks).
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var notebooks = new Argument<string[]>("notebooks")
        {
            Description = "Notebook files (.ipynb, .dib) or folders of them, usually the executed copies in build/notebooks",
            Arity = ArgumentArity.OneOrMore,
        };
        var html = new Option<string>("--html")
        {
            Description = "Folder to write the site to (index.html, one page per notebook, assets/)", Required = true,
        };
        var title = new Option<string?>("--title") { Description = "The site's title on the index page" };
        var command = new Command("export", "Export notebooks as a static HTML site that works offline") { notebooks, html, title };
        command.SetAction(parse =>
        {
            var files = NotebookFiles.Expand(parse.GetValue(notebooks)!);
            var options = new ExportOptions { SiteTitle = parse.GetValue(title) ?? new ExportOptions().SiteTitle };
            ExportedSite site;
            try
            {
                site = SiteExporter.Export(files, parse.GetValue(html)!, options);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or ArgumentException)
            {
                throw new UsageException(e.Message);
            }
            foreach (var chapter in site.Chapters)
            {
                AnsiConsole.MarkupLineInterpolated($"  {chapter.Title}: [grey]{chapter.Page}[/]");
                if (!chapter.HasOutputs)
                    AnsiConsole.MarkupLineInterpolated(
                        $"    [yellow]{chapter.Notebook} has no outputs: export the executed copy (course run writes it to build/notebooks)[/]");
            }
            AnsiConsole.MarkupLineInterpolated($"wrote {site.IndexPage}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
