namespace Course.Notebooks.Exercises;

/// <summary>
/// Exercise markup that cannot be used: the message names the notebook, the cell (1-based number and id) and, where
/// it applies, the line inside the cell.
/// </summary>
public sealed class MarkupException : Exception
{
    /// <summary>Creates the error; <paramref name="line"/> is 1-based, or null when the problem is not on one line.</summary>
    public MarkupException(string notebook, int cellNumber, string cellId, int? line, string problem)
        : base($"{notebook}: cell {cellNumber} (id {cellId}){(line is { } l ? $", line {l}" : "")}: {problem}")
    {
        Notebook = notebook;
        CellNumber = cellNumber;
        Line = line;
        Problem = problem;
    }

    /// <summary>Creates an error about the notebook as a whole (no single cell is at fault).</summary>
    public MarkupException(string notebook, string problem) : base($"{notebook}: {problem}")
    {
        Notebook = notebook;
        Problem = problem;
    }

    /// <summary>The notebook file (or a name for an in-memory notebook).</summary>
    public string Notebook { get; }

    /// <summary>The 1-based number of the offending cell, or null for a notebook-wide problem.</summary>
    public int? CellNumber { get; }

    /// <summary>The 1-based line inside the cell, or null.</summary>
    public int? Line { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
