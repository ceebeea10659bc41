using Course.Notebooks.Execution;
using Course.Notebooks.Files;

namespace Course.Notebooks.Tests;

/// <summary>The committed test notebooks (without outputs), copied to a fresh folder per test so runs never share files.</summary>
internal static class TestNotebooks
{
    public static readonly string Source = Path.Combine(FindRepoRoot(), "tests", "Course.Notebooks.Tests", "notebooks");

    /// <summary>A new temporary folder holding a copy of the whole notebooks folder.</summary>
    public static string CopyToTemp()
    {
        string target = Path.Combine(Path.GetTempPath(), "course-runner-tests", Guid.NewGuid().ToString("N"));
        foreach (string file in Directory.EnumerateFiles(Source, "*", SearchOption.AllDirectories))
        {
            string copy = Path.Combine(target, Path.GetRelativePath(Source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }

    public static async Task<NotebookRunResult> RunAsync(string path, NotebookRunOptions? options = null) =>
        await NotebookRunner.RunAsync(Notebook.Load(path), options ?? new NotebookRunOptions());

    /// <summary>The text a cell's outputs show for <paramref name="mime"/>, stream text and error values included.</summary>
    public static string Shown(Cell cell, string mime = "text/plain") => string.Join("\n", cell.Outputs.Select(o => o switch
    {
        StreamOutput s => s.Text,
        DisplayOutput d => MimeBundle.Text(d.Data, mime) ?? "",
        ExecuteResultOutput r => MimeBundle.Text(r.Data, mime) ?? "",
        ErrorOutput e => $"{e.Ename}: {e.Evalue}",
        _ => "",
    }));

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Course.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no Course.sln above {AppContext.BaseDirectory}");
    }
}
