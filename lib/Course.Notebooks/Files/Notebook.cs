using System.Text.Json.Nodes;

namespace Course.Notebooks.Files;

/// <summary>
/// A notebook in memory: metadata and cells. Reads .ipynb (nbformat 4) and .dib; writes .ipynb nbformat 4.5 with the
/// metadata VS Code's Polyglot Notebooks needs to open it with the C# kernel. Unknown metadata is kept.
/// </summary>
public sealed class Notebook
{
    /// <summary>Notebook-level metadata, kept as found (unknown keys included).</summary>
    public JsonObject Metadata { get; set; } = [];

    /// <summary>The cells in order.</summary>
    public List<Cell> Cells { get; } = [];

    /// <summary>The file this notebook was read from, or null for one built in memory.</summary>
    public string? Path { get; set; }

    /// <summary>The notebook's kernelspec name (e.g. ".net-csharp"), or null when it has none.</summary>
    public string? KernelSpecName => (string?)Metadata["kernelspec"]?["name"];

    /// <summary>
    /// The kernel that runs cells without their own kernel name: Polyglot's <c>defaultKernelName</c>, else the
    /// kernelspec's suffix (".net-csharp" → "csharp"). Null unless the kernelspec name starts with ".net-", the
    /// condition under which VS Code opens an .ipynb with Polyglot Notebooks at all.
    /// </summary>
    public string? DefaultKernelName => KernelSpecName is { } spec && spec.StartsWith(".net-")
        ? (string?)Metadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"] ?? spec[".net-".Length..]
        : null;

    /// <summary>Whether this notebook runs C# by default, so VS Code and our runner both open it with the C# kernel.</summary>
    public bool IsCSharp => DefaultKernelName == "csharp";

    /// <summary>An empty C# notebook with VS Code's Polyglot metadata.</summary>
    public static Notebook CreateCSharp()
    {
        var notebook = new Notebook();
        notebook.EnsurePolyglotMetadata();
        return notebook;
    }

    /// <summary>Reads a .ipynb or .dib file (by extension).</summary>
    /// <exception cref="NotebookFormatException">The file is missing, unreadable or malformed; the message says which file and what.</exception>
    public static Notebook Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NotebookFormatException(path, e is FileNotFoundException or DirectoryNotFoundException
                ? "no such file" : $"cannot be read ({e.Message})", e);
        }
        var notebook = path.EndsWith(".dib", StringComparison.OrdinalIgnoreCase)
            ? DibFormat.Parse(text, path) : IpynbFormat.Parse(text, path);
        notebook.Path = path;
        return notebook;
    }

    /// <summary>Parses .ipynb JSON; <paramref name="path"/> only names the source in error messages.</summary>
    /// <exception cref="NotebookFormatException">The JSON is not an nbformat 4 notebook.</exception>
    public static Notebook ParseIpynb(string json, string path = "<notebook>") => IpynbFormat.Parse(json, path);

    /// <summary>Parses the text of a .dib file; <paramref name="path"/> only names the source in error messages.</summary>
    /// <exception cref="NotebookFormatException">The #!meta block is not valid JSON.</exception>
    public static Notebook ParseDib(string text, string path = "<notebook>") => DibFormat.Parse(text, path);

    /// <summary>
    /// The .ipynb JSON (nbformat 4.5, keys sorted, one-space indent, as Jupyter writes it). Cells without a valid
    /// unique id get a stable one first.
    /// </summary>
    public string ToIpynb() => IpynbFormat.Write(this);

    /// <summary>Writes the notebook as .ipynb, atomically: readers see the old file or the new one, never half.</summary>
    public void Save(string path) => Kit.AtomicFile.WriteAllText(path, ToIpynb());

    /// <summary>Adds the kernelspec and Polyglot kernel info VS Code needs, keeping whatever else is there.</summary>
    public void EnsurePolyglotMetadata()
    {
        Metadata["kernelspec"] ??= new JsonObject
        {
            ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp",
        };
        Metadata["language_info"] ??= new JsonObject { ["name"] = "polyglot-notebook" };
        Metadata["polyglot_notebook"] ??= new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
            },
        };
    }

    /// <summary>A deep copy of the notebook.</summary>
    public Notebook Clone()
    {
        var copy = new Notebook { Metadata = (JsonObject)Metadata.DeepClone(), Path = Path };
        copy.Cells.AddRange(Cells.Select(c => c.Clone()));
        return copy;
    }
}
