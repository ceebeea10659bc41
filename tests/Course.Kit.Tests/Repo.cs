namespace Course.Kit.Tests;

/// <summary>Locates the repository the tests run from.</summary>
internal static class Repo
{
    /// <summary>The folder holding Course.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Course.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"Course.sln not found above {AppContext.BaseDirectory}.");
    }
}
