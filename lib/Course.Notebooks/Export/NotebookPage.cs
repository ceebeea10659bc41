using System.Text;
using System.Text.Json.Nodes;
using Course.Notebooks.Files;

namespace Course.Notebooks.Export;

/// <summary>
/// One notebook as a static HTML page: markdown cells rendered, code cells with their execution counts and
/// outputs. The page expects the site's <c>assets/</c> folder beside it (<see cref="SiteExporter"/> writes it):
/// KaTeX typesets the math, highlight.js colours the C#, and the local plotly.js draws figures.
/// </summary>
public static class NotebookPage
{
    /// <summary>The chapter's title: the text of the notebook's first markdown heading, else its file name.</summary>
    public static string TitleOf(Notebook notebook) =>
        notebook.Cells.Where(c => c.Type == CellType.Markdown)
            .Select(c => MarkdownHtml.FirstHeading(c.Source)).FirstOrDefault(h => h != null)
        ?? (notebook.Path is { } path ? Path.GetFileNameWithoutExtension(path) : "Notebook");

    /// <summary>The complete HTML page for <paramref name="notebook"/>, with navigation links when given.</summary>
    public static string Render(Notebook notebook, PageNavigation? navigation = null)
    {
        var body = new StringBuilder();
        foreach (var cell in notebook.Cells)
            body.Append(cell.Type switch
            {
                CellType.Markdown => $"<section class=\"cell markdown-cell\"><div class=\"markdown\">{MarkdownHtml.Render(cell.Source, Attachments(cell))}</div></section>\n",
                CellType.Code => CodeCell(cell, notebook.DefaultKernelName),
                _ => RawCell(cell),
            });
        string nav = navigation == null ? "" : Navigation(navigation);
        return SiteLayout.Page(TitleOf(notebook), $"{nav}<main class=\"notebook\">\n{body}</main>\n{nav}", withScripts: true);
    }

    private static string CodeCell(Cell cell, string? notebookKernel)
    {
        // Only C# is highlighted: the page ships highlight.js's C# grammar, and other kernels' cells stay plain.
        string kernel = cell.KernelName ?? notebookKernel ?? "csharp";
        string language = kernel == "csharp" ? "language-csharp" : "nohighlight";
        string count = cell.ExecutionCount?.ToString() ?? " ";
        var html = new StringBuilder("<section class=\"cell code-cell\">");
        html.Append($"<div class=\"input\"><div class=\"prompt\">In [{count}]:</div>");
        html.Append($"<pre><code class=\"{language}\">{OutputHtml.Escape(cell.Source)}</code></pre></div>");
        if (cell.Outputs.Count > 0)
            html.Append("<div class=\"outputs\">").AppendJoin("", cell.Outputs.Select(OutputHtml.Render)).Append("</div>");
        return html.Append("</section>\n").ToString();
    }

    /// <summary>Raw cells are for other converters; like Jupyter's HTML export, only those marked as HTML are shown.</summary>
    private static string RawCell(Cell cell) =>
        (string?)cell.Metadata["format"] == "text/html" || (string?)cell.Metadata["raw_mimetype"] == "text/html"
            ? $"<section class=\"cell raw-cell\">{cell.Source}</section>\n" : "";

    /// <summary>A markdown cell's attachments (name → MIME type → base64) as data URIs, one per name.</summary>
    private static Dictionary<string, string> Attachments(Cell cell)
    {
        var uris = new Dictionary<string, string>();
        if (cell.Extra["attachments"] is not JsonObject attachments) return uris;
        foreach (var (name, bundle) in attachments)
        {
            if (bundle is not JsonObject mimes || mimes.Count == 0) continue;
            var (mime, data) = mimes.First();
            uris[name] = OutputHtml.DataUri(mime, MultilineString.Read(data, $"attachments['{name}']['{mime}']"));
        }
        return uris;
    }

    private static string Navigation(PageNavigation nav)
    {
        static string Link(ChapterLink? link, string rel, string arrowBefore, string arrowAfter) => link == null
            ? "<span></span>"
            : $"<a rel=\"{rel}\" href=\"{OutputHtml.Escape(link.Href)}\">{arrowBefore}{OutputHtml.Escape(link.Title)}{arrowAfter}</a>";
        return $"<nav class=\"chapter-nav\">{Link(nav.Previous, "prev", "← ", "")}" +
               $"{Link(nav.Index, "index", "", "")}{Link(nav.Next, "next", "", " →")}</nav>\n";
    }
}
