using Course.Notebooks.Files;

namespace Course.Cli;

/// <summary>Turns command-line arguments (notebook files and folders) into loaded C# notebooks, or one clear usage error.</summary>
internal static class NotebookFiles
{
    private static readonly string[] Extensions = [".ipynb", ".dib"];
    private static readonly HashSet<string> SkippedFolders = ["bin", "obj", "build", "node_modules", ".ipynb_checkpoints"];

    /// <summary>Every notebook named or found (recursively) in a named folder, in a stable order.</summary>
    /// <exception cref="UsageException">A path does not exist, a folder holds no notebook, or two have the same name.</exception>
    public static List<string> Expand(IEnumerable<string> arguments)
    {
        var files = new List<string>();
        foreach (string argument in arguments)
        {
            if (File.Exists(argument)) files.Add(argument);
            else if (Directory.Exists(argument))
            {
                var found = Find(argument).ToList();
                if (found.Count == 0) throw new UsageException($"{argument}: no .ipynb or .dib notebooks in this folder");
                files.AddRange(found);
            }
            else throw new UsageException($"{argument}: no such file or folder");
        }
        var clash = files.GroupBy(OutputName).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new UsageException($"{string.Join(" and ", clash)} would both be written as {clash.Key}; run them separately");
        return files;
    }

    /// <summary>Loads a notebook and checks it is one the runner can run.</summary>
    /// <exception cref="UsageException">The file is corrupt or not a C# notebook.</exception>
    public static Notebook Load(string path)
    {
        Notebook notebook;
        try
        {
            notebook = Notebook.Load(path);
        }
        catch (NotebookFormatException e)
        {
            throw new UsageException(e.Message);
        }
        if (!notebook.IsCSharp)
            throw new UsageException($"{path}: its kernel is '{notebook.KernelSpecName ?? "unspecified"}', not .NET (C#); " +
                                     "the course runner runs C# notebooks only");
        return notebook;
    }

    /// <summary>The executed copy's file name: the notebook's name as .ipynb.</summary>
    public static string OutputName(string path) => Path.GetFileNameWithoutExtension(path) + ".ipynb";

    private static IEnumerable<string> Find(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Concat(Directory.EnumerateDirectories(folder)
                .Where(d => !SkippedFolders.Contains(Path.GetFileName(d)) && !Path.GetFileName(d).StartsWith('.'))
                .Order(StringComparer.Ordinal)
                .SelectMany(Find));
}
