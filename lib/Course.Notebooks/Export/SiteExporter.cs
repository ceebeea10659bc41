using System.Text;
using Course.Notebooks.Files;

namespace Course.Notebooks.Export;

/// <summary>
/// Exports notebooks as a static site that works offline from file://: one page per chapter (ordered by file name,
/// linked to the previous and next), an index.html listing them, and an assets/ folder with KaTeX, highlight.js,
/// plotly.js and the site's style sheet.
/// </summary>
public static class SiteExporter
{
    /// <summary>Writes the site for <paramref name="notebookPaths"/> (.ipynb or .dib files) into <paramref name="outDir"/>.</summary>
    /// <exception cref="ArgumentException">No notebooks, or two notebooks that would share a page name.</exception>
    /// <exception cref="NotebookFormatException">A notebook is missing or malformed; the message names it.</exception>
    /// <exception cref="FileNotFoundException">A web asset is missing; the message names it and says to run environment/setup.sh.</exception>
    /// <exception cref="DirectoryNotFoundException">No node_modules was given and no course repository was found.</exception>
    public static ExportedSite Export(IReadOnlyList<string> notebookPaths, string outDir, ExportOptions? options = null)
    {
        options ??= new ExportOptions();
        if (notebookPaths.Count == 0) throw new ArgumentException("no notebooks to export", nameof(notebookPaths));
        var ordered = notebookPaths.OrderBy(Path.GetFileName, StringComparer.Ordinal).ToList();
        foreach (var clash in ordered.GroupBy(PageName).Where(g => g.Count() > 1))
            throw new ArgumentException(
                $"{string.Join(" and ", clash)} would both be exported as {clash.Key}: rename one", nameof(notebookPaths));

        // Load everything and check the assets before writing anything, so a bad input leaves no half-written site.
        var notebooks = ordered.Select(Notebook.Load).ToList();
        string nodeModules = options.NodeModules ?? WebAssets.FindNodeModules();
        outDir = Path.GetFullPath(outDir);
        string assetsDir = Path.Combine(outDir, WebAssets.Folder);
        WebAssets.CopyTo(nodeModules, assetsDir);
        SiteLayout.WriteOwnAssets(assetsDir);

        var links = notebooks.Select((n, i) => new ChapterLink(Href(PageName(ordered[i])), NotebookPage.TitleOf(n))).ToList();
        var index = new ChapterLink("index.html", options.SiteTitle);
        var chapters = new List<ExportedChapter>();
        for (int i = 0; i < notebooks.Count; i++)
        {
            var navigation = new PageNavigation(index, i > 0 ? links[i - 1] : null, i + 1 < links.Count ? links[i + 1] : null);
            string page = Path.Combine(outDir, PageName(ordered[i]));
            Kit.AtomicFile.WriteAllText(page, NotebookPage.Render(notebooks[i], navigation));
            chapters.Add(new ExportedChapter(Path.GetFullPath(ordered[i]), page, links[i].Title,
                notebooks[i].Cells.Any(c => c.Outputs.Count > 0)));
        }
        string indexPage = Path.Combine(outDir, index.Href);
        Kit.AtomicFile.WriteAllText(indexPage, IndexHtml(options.SiteTitle, links));
        return new ExportedSite(indexPage, chapters);
    }

    /// <summary>The page a notebook becomes: its file name with .html for the extension.</summary>
    private static string PageName(string notebookPath) => Path.GetFileNameWithoutExtension(notebookPath) + ".html";

    /// <summary>A relative address for a page name (spaces and other reserved characters escaped).</summary>
    private static string Href(string pageName) => Uri.EscapeDataString(pageName);

    private static string IndexHtml(string siteTitle, IReadOnlyList<ChapterLink> chapters)
    {
        var list = new StringBuilder("<ol class=\"chapters\">\n");
        foreach (var chapter in chapters)
            list.Append($"<li><a href=\"{OutputHtml.Escape(chapter.Href)}\">{OutputHtml.Escape(chapter.Title)}</a></li>\n");
        list.Append("</ol>");
        return SiteLayout.Page(siteTitle, $"<main class=\"index\">\n<h1>{OutputHtml.Escape(siteTitle)}</h1>\n{list}\n</main>", withScripts: false);
    }
}
