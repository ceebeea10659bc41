namespace Course.Notebooks.Tests;

/// <summary>What the export tests share: the repository's node_modules and temporary folders.</summary>
internal static class ExportTestSupport
{
    /// <summary>environment/node_modules of the repository the tests run from; fails with the fix when not installed.</summary>
    public static string NodeModules()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Course.sln"))) dir = dir.Parent;
        Assert.True(dir != null, $"Course.sln not found above {AppContext.BaseDirectory}");
        string nodeModules = Path.Combine(dir!.FullName, "environment", "node_modules");
        Assert.True(File.Exists(Path.Combine(nodeModules, "katex", "dist", "katex.min.js")),
            $"{nodeModules} lacks KaTeX: run `bash environment/setup.sh`.");
        return nodeModules;
    }

    /// <summary>A fresh temporary directory, deleted when disposed.</summary>
    public sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("course-export-").FullName;
        public string File(string name) => System.IO.Path.Combine(Path, name);
        public void Dispose() { try { Directory.Delete(Path, recursive: true); } catch (IOException) { } }
    }
}
