using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Notebooks.Files;

namespace Course.Notebooks.Export;

/// <summary>
/// One cell output as static HTML. For a display with several representations the richest one this page can show
/// wins, in the order Jupyter's own HTML export uses; text/html goes in as is, scripts included, because notebook
/// outputs are trusted (they are what the kernel produced for the author).
/// </summary>
internal static class OutputHtml
{
    /// <summary>The MIME types shown, richest first.</summary>
    private static readonly string[] Preference =
        ["text/html", "text/markdown", "image/svg+xml", "image/png", "image/jpeg", "image/gif", "application/json", "text/plain"];

    /// <summary>The HTML of <paramref name="output"/>, wrapped in a <c>div.output</c> whose classes name its kind.</summary>
    public static string Render(Output output) => output switch
    {
        StreamOutput s => $"<div class=\"output stream {Escape(s.Name)}\"><pre>{Escape(Ansi.Strip(s.Text))}</pre></div>",
        ExecuteResultOutput r => Display(r.Data, $"<div class=\"prompt\">Out[{r.ExecutionCount}]:</div>"),
        DisplayOutput d => Display(d.Data, ""),
        ErrorOutput e => Error(e),
        _ => throw new ArgumentException($"unknown output type {output.GetType().Name}", nameof(output)),
    };

    private static string Display(JsonObject data, string prompt)
    {
        string? mime = Preference.FirstOrDefault(data.ContainsKey);
        string body = mime == null
            ? $"<p class=\"unsupported\">(an output of type {Escape(string.Join(", ", data.Select(kv => kv.Key)))} that a static page cannot show)</p>"
            : Representation(mime, data[mime]);
        // The class names the MIME type shown (e.g. mime-image-png), for the style sheet and for tests.
        return $"<div class=\"output display mime-{Escape(mime?.Replace('/', '-') ?? "none")}\">{prompt}{body}</div>";
    }

    private static string Representation(string mime, JsonNode? value)
    {
        if (mime == "application/json")
            return $"<pre>{Escape(value?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? "null")}</pre>";
        string text = value is JsonValue v && v.TryGetValue(out string? s) ? s : value?.ToJsonString() ?? "";
        return mime switch
        {
            "text/html" => text,
            "text/markdown" => $"<div class=\"markdown\">{MarkdownHtml.Render(text)}</div>",
            // An <img> rather than inline SVG: the picture's ids and styles cannot clash with the page's.
            "image/svg+xml" => $"<img src=\"{DataUri(mime, Convert.ToBase64String(Encoding.UTF8.GetBytes(text)))}\" alt=\"\">",
            "text/plain" => $"<pre>{Escape(Ansi.Strip(text))}</pre>",
            _ => $"<img src=\"{DataUri(mime, text)}\" alt=\"\">",
        };
    }

    /// <summary>A data URI; nbformat may split base64 into lines, and a URI holds no whitespace, so it is dropped.</summary>
    public static string DataUri(string mime, string base64) =>
        $"data:{mime};base64,{string.Concat(base64.Where(c => !char.IsWhiteSpace(c)))}";

    private static string Error(ErrorOutput error)
    {
        var html = new StringBuilder("<div class=\"output error\">");
        html.Append($"<p class=\"error-name\"><strong>{Escape(Ansi.Strip(error.Ename))}</strong>: {Escape(Ansi.Strip(error.Evalue))}</p>");
        if (error.Traceback.Count > 0)
            html.Append($"<pre>{Escape(Ansi.Strip(string.Join("\n", error.Traceback)))}</pre>");
        return html.Append("</div>").ToString();
    }

    /// <summary>Text escaped for HTML content or a quoted attribute value (&amp; &lt; &gt; and both quotes).</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);
}
