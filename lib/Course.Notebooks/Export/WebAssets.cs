namespace Course.Notebooks.Export;

/// <summary>
/// The browser libraries an exported site uses: KaTeX (math, with its fonts), highlight.js (C# code) and plotly.js
/// (figures). They come from the npm packages pinned in environment/package.json, which environment/setup.sh
/// installs into environment/node_modules, and are copied into the site's <c>assets/</c> folder so pages work
/// offline from file://.
/// </summary>
public static class WebAssets
{
    /// <summary>A file copied from node_modules (<paramref name="Source"/>) to the site's assets folder (<paramref name="Target"/>).</summary>
    internal sealed record Asset(string Source, string Target)
    {
        /// <summary>The address a page at the site's root uses for it.</summary>
        public string Href => $"{Folder}/{Target}";
    }

    /// <summary>The site folder that holds the assets, beside the pages.</summary>
    internal const string Folder = "assets";

    internal static readonly Asset KatexCss = new("katex/dist/katex.min.css", "katex/katex.min.css");
    internal static readonly Asset KatexJs = new("katex/dist/katex.min.js", "katex/katex.min.js");
    internal static readonly Asset KatexAutoRender = new("katex/dist/contrib/auto-render.min.js", "katex/auto-render.min.js");
    internal static readonly Asset HighlightJs = new("@highlightjs/cdn-assets/highlight.min.js", "highlight/highlight.min.js");
    internal static readonly Asset HighlightCss = new("@highlightjs/cdn-assets/styles/github.min.css", "highlight/github.min.css");
    internal static readonly Asset PlotlyJs = new("plotly.js-dist-min/plotly.min.js", "plotly/plotly.min.js");

    private static readonly Asset[] Files = [KatexCss, KatexJs, KatexAutoRender, HighlightJs, HighlightCss, PlotlyJs];

    /// <summary>katex.min.css loads its fonts from fonts/ beside it, so the whole folder is copied.</summary>
    private static readonly Asset KatexFonts = new("katex/dist/fonts", "katex/fonts");

    /// <summary>
    /// The environment/node_modules folder of the course repository that holds the current directory (or, failing
    /// that, this program). It may not exist yet: <see cref="Missing"/> says what is absent.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">Neither place is inside a course repository.</exception>
    public static string FindNodeModules()
    {
        string[] starts = [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
        foreach (string start in starts)
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "environment", "package.json")))
                    return Path.Combine(dir.FullName, "environment", "node_modules");
        throw new DirectoryNotFoundException(
            $"web assets not found: no environment/package.json above {starts[0]} or {starts[1]}; " +
            "run the export inside the course repository or pass the node_modules folder in ExportOptions.NodeModules");
    }

    /// <summary>The files (full paths) an export needs that are missing under <paramref name="nodeModules"/>; empty when all are there.</summary>
    public static IReadOnlyList<string> Missing(string nodeModules)
    {
        var missing = Files.Select(a => Path.GetFullPath(Path.Combine(nodeModules, a.Source))).Where(p => !File.Exists(p)).ToList();
        string fonts = Path.GetFullPath(Path.Combine(nodeModules, KatexFonts.Source));
        if (!Directory.Exists(fonts) || !Directory.EnumerateFiles(fonts).Any()) missing.Add(fonts);
        return missing;
    }

    /// <summary>Copies every asset into <paramref name="assetsDir"/>, each file atomically.</summary>
    /// <exception cref="FileNotFoundException">An asset is missing; the message names it and the fix.</exception>
    internal static void CopyTo(string nodeModules, string assetsDir)
    {
        var missing = Missing(nodeModules);
        if (missing.Count > 0)
            throw new FileNotFoundException(
                $"web asset {missing[0]} is missing{(missing.Count > 1 ? $" (and {missing.Count - 1} more)" : "")}: " +
                "run `bash environment/setup.sh` to install the npm packages pinned in environment/package.json", missing[0]);
        foreach (var asset in Files)
            Copy(Path.Combine(nodeModules, asset.Source), Path.Combine(assetsDir, asset.Target));
        foreach (string font in Directory.EnumerateFiles(Path.Combine(nodeModules, KatexFonts.Source)))
            Copy(font, Path.Combine(assetsDir, KatexFonts.Target, Path.GetFileName(font)));
    }

    private static void Copy(string source, string target) => Kit.AtomicFile.WriteAllBytes(target, File.ReadAllBytes(source));
}
