namespace Course.Notebooks.Export;

/// <summary>Settings for <see cref="SiteExporter.Export"/>.</summary>
public sealed record ExportOptions
{
    /// <summary>The heading and title of the index page.</summary>
    public string SiteTitle { get; init; } = "Course notebooks";

    /// <summary>
    /// The npm node_modules folder holding KaTeX, highlight.js and plotly.js; null finds the course repository's
    /// environment/node_modules (<see cref="WebAssets.FindNodeModules"/>).
    /// </summary>
    public string? NodeModules { get; init; }
}
