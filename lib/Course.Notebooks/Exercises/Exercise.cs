namespace Course.Notebooks.Exercises;

/// <summary>One exercise of a source notebook, as its markup declares it.</summary>
/// <param name="Id">The exercise id, e.g. "02.1".</param>
/// <param name="Title">The first line of its instructions (or its check's title), used in stubs and reports.</param>
/// <param name="Points">The exercise total, from its check cell; 0 for an exercise without a check cell.</param>
/// <param name="CheckCell">The index of its check cell, or null for an exercise graded by hand (no check cell).</param>
/// <param name="SolutionCells">The indexes of its solution cells, in notebook order.</param>
public sealed record Exercise(string Id, string Title, double Points, int? CheckCell, IReadOnlyList<int> SolutionCells)
{
    /// <summary>Whether the grader scores it: it has a check cell.</summary>
    public bool IsAutograded => CheckCell is not null;
}
