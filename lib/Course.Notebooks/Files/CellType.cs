namespace Course.Notebooks.Files;

/// <summary>The kinds of cell nbformat 4 knows.</summary>
public enum CellType
{
    /// <summary>Code run by the notebook's kernel.</summary>
    Code,
    /// <summary>Markdown text with LaTeX math.</summary>
    Markdown,
    /// <summary>Text passed through untouched.</summary>
    Raw,
}
