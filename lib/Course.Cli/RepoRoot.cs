namespace Course.Cli;

/// <summary>The course repository's root: the nearest folder holding Course.sln, above the current directory or this program.</summary>
internal static class RepoRoot
{
    public static string? Find()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Course.sln"))) return dir.FullName;
        return null;
    }

    /// <summary>Where executed notebooks go by default: build/notebooks in the repository, else under the current directory.</summary>
    public static string DefaultOutputFolder() =>
        Path.Combine(Find() ?? Directory.GetCurrentDirectory(), "build", "notebooks");
}
