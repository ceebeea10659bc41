namespace Course.Notebooks.Exercises;

/// <summary>
/// The source notebooks of a folder (its top-level *.ipynb files, by name), checked together: assignment ids and
/// exercise ids must be unique across the folder, since grades are keyed by them.
/// </summary>
public static class SourceFolder
{
    /// <summary>Loads and checks every source notebook in <paramref name="folder"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="Files.NotebookFormatException">A file is not a readable notebook.</exception>
    /// <exception cref="MarkupException">Bad markup, or an id used twice; the message names both places.</exception>
    public static IReadOnlyList<SourceNotebook> Load(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: no such folder");
        var notebooks = Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).Select(SourceNotebook.Load).ToList();
        if (notebooks.Count == 0) throw new MarkupException(folder, "holds no .ipynb notebooks");
        var assignments = new Dictionary<string, string>();
        var exercises = new Dictionary<string, string>();
        foreach (var notebook in notebooks)
        {
            if (!assignments.TryAdd(notebook.Assignment, notebook.Name))
                throw new MarkupException(notebook.Name, $"assignment id '{notebook.Assignment}' is also used by {assignments[notebook.Assignment]}");
            foreach (var exercise in notebook.Exercises)
                if (!exercises.TryAdd(exercise.Id, notebook.Name))
                    throw new MarkupException(notebook.Name, $"duplicate exercise id {exercise.Id}: {exercises[exercise.Id]} already uses it");
        }
        return notebooks;
    }
}
