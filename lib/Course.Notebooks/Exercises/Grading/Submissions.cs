namespace Course.Notebooks.Exercises.Grading;

/// <summary>One student's submission.</summary>
/// <param name="Student">The student: the file name without extension, or the folder's name.</param>
/// <param name="Path">The notebook to grade, or null when <paramref name="Problem"/> says why there is none.</param>
/// <param name="RelativePath">The file (or folder) relative to the submissions folder, for reports.</param>
/// <param name="Problem">Why it cannot be graded (an empty folder, several notebooks), or null.</param>
public sealed record Submission(string Student, string? Path, string RelativePath, string? Problem);

/// <summary>
/// Finds the submissions in a folder: each top-level <c>NAME.ipynb</c> is student NAME's, and each top-level folder
/// NAME holding one .ipynb (or one named like a source notebook) is student NAME's. Other files and hidden entries
/// are skipped.
/// </summary>
public static class Submissions
{
    /// <summary>The submissions in <paramref name="folder"/>, sorted by student.</summary>
    /// <param name="folder">The submissions folder.</param>
    /// <param name="sourceFiles">The source notebooks' file names, to pick the right notebook in a folder holding several.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static List<Submission> Find(string folder, IReadOnlyCollection<string> sourceFiles)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: no such folder");
        var found = new List<Submission>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal))
        {
            string name = System.IO.Path.GetFileName(entry);
            if (name.StartsWith('.')) continue;
            if (Directory.Exists(entry)) found.Add(InFolder(entry, name, sourceFiles));
            else if (name.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
                found.Add(new Submission(System.IO.Path.GetFileNameWithoutExtension(name), entry, name, null));
        }
        var clash = found.GroupBy(s => s.Student).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new IOException($"{folder}: student '{clash.Key}' has two submissions ({string.Join(" and ", clash.Select(s => s.RelativePath))})");
        return found;
    }

    private static Submission InFolder(string folder, string student, IReadOnlyCollection<string> sourceFiles)
    {
        var notebooks = Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToList();
        var chosen = notebooks.Count == 1 ? notebooks[0]
            : notebooks.FirstOrDefault(n => sourceFiles.Contains(System.IO.Path.GetFileName(n)));
        if (chosen is not null)
            return new Submission(student, chosen, System.IO.Path.Combine(student, System.IO.Path.GetFileName(chosen)), null);
        return new Submission(student, null, student + "/", notebooks.Count == 0
            ? "the folder holds no .ipynb notebook"
            : $"the folder holds {notebooks.Count} notebooks ({string.Join(", ", notebooks.Select(System.IO.Path.GetFileName))}); expected one");
    }
}
