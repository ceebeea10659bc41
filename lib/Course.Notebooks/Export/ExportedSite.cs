namespace Course.Notebooks.Export;

/// <summary>What <see cref="SiteExporter.Export"/> wrote.</summary>
/// <param name="IndexPage">The full path of index.html.</param>
/// <param name="Chapters">The chapters in site order.</param>
public sealed record ExportedSite(string IndexPage, IReadOnlyList<ExportedChapter> Chapters);

/// <summary>One exported notebook.</summary>
/// <param name="Notebook">The notebook file it came from.</param>
/// <param name="Page">The full path of its page.</param>
/// <param name="Title">Its title (first heading, else file name).</param>
/// <param name="HasOutputs">Whether any cell had outputs: false for a notebook that was never run.</param>
public sealed record ExportedChapter(string Notebook, string Page, string Title, bool HasOutputs);
