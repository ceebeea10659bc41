namespace Course.Notebooks.Export;

/// <summary>The HTML shell every page shares, and the site's own assets it links to.</summary>
internal static class SiteLayout
{
    private const string StyleSheet = "course.css", RequireStandIn = "require-stand-in.js", PageScript = "course.js";

    /// <summary>
    /// A complete page. With <paramref name="withScripts"/>, plotly.js and the require.js stand-in load first (plain
    /// scripts, before any output runs), then KaTeX, highlight.js and the page script, deferred until the page is parsed.
    /// </summary>
    public static string Page(string title, string body, bool withScripts)
    {
        string scripts = withScripts ? $"""
            <link rel="stylesheet" href="{WebAssets.KatexCss.Href}">
            <link rel="stylesheet" href="{WebAssets.HighlightCss.Href}">
            <script src="{WebAssets.PlotlyJs.Href}"></script>
            <script src="{WebAssets.Folder}/{RequireStandIn}"></script>
            <script defer src="{WebAssets.KatexJs.Href}"></script>
            <script defer src="{WebAssets.KatexAutoRender.Href}"></script>
            <script defer src="{WebAssets.HighlightJs.Href}"></script>
            <script defer src="{WebAssets.Folder}/{PageScript}"></script>
            """ : "";
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{OutputHtml.Escape(title)}</title>
            {scripts}
            <link rel="stylesheet" href="{WebAssets.Folder}/{StyleSheet}">
            </head>
            <body>
            {body}
            </body>
            </html>

            """;
    }

    /// <summary>Writes the style sheet and the site's scripts into <paramref name="assetsDir"/>.</summary>
    public static void WriteOwnAssets(string assetsDir)
    {
        Kit.AtomicFile.WriteAllText(Path.Combine(assetsDir, StyleSheet), SiteStyle.Css);
        Kit.AtomicFile.WriteAllText(Path.Combine(assetsDir, RequireStandIn), SiteScripts.RequireStandIn);
        Kit.AtomicFile.WriteAllText(Path.Combine(assetsDir, PageScript), SiteScripts.PageScript);
    }
}
