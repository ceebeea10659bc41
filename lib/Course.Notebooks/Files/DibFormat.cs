using System.Text.Json.Nodes;

namespace Course.Notebooks.Files;

/// <summary>
/// Reads Polyglot Notebooks' plain-text .dib format: a line <c>#!&lt;kernel&gt;</c> naming a known kernel starts a
/// new cell, <c>#!meta</c> holds the kernel info as JSON, any other <c>#!</c> line is a magic command inside the cell.
/// </summary>
internal static class DibFormat
{
    private static readonly Dictionary<string, string> KernelAliases = new(StringComparer.Ordinal)
    {
        ["csharp"] = "csharp", ["c#"] = "csharp", ["C#"] = "csharp", ["cs"] = "csharp",
        ["fsharp"] = "fsharp", ["f#"] = "fsharp", ["F#"] = "fsharp", ["fs"] = "fsharp",
        ["pwsh"] = "pwsh", ["powershell"] = "pwsh", ["javascript"] = "javascript", ["js"] = "javascript",
        ["html"] = "html", ["mermaid"] = "mermaid", ["sql"] = "sql", ["kql"] = "kql", ["http"] = "http",
        ["value"] = "value", ["markdown"] = "markdown", ["md"] = "markdown",
    };

    public static Notebook Parse(string text, string path)
    {
        var notebook = Notebook.CreateCSharp();
        string kernel = "csharp";
        var lines = new List<string>();
        foreach (var rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            string line = rawLine;
            if (line.StartsWith("#!") && (line[2..].Trim() == "meta" || KernelAliases.ContainsKey(line[2..].Trim())))
            {
                Flush(notebook, kernel, lines, path);
                string name = line[2..].Trim();
                kernel = name == "meta" ? "meta" : KernelAliases[name];
                continue;
            }
            lines.Add(line);
        }
        Flush(notebook, kernel, lines, path);
        return notebook;
    }

    /// <summary>Ends the current cell; leading and trailing blank lines are trimmed, as Polyglot does.</summary>
    private static void Flush(Notebook notebook, string kernel, List<string> lines, string path)
    {
        string source = string.Join("\n", lines).Trim('\n', '\r', ' ');
        lines.Clear();
        if (source.Length == 0) return;
        if (kernel == "meta")
        {
            try
            {
                if (JsonNode.Parse(source) is JsonObject meta) notebook.Metadata["polyglot_notebook"] = meta;
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new NotebookFormatException(path, $"the #!meta block is not valid JSON ({e.Message})", e);
            }
            return;
        }
        var cell = kernel == "markdown" ? Cell.Markdown(source) : Cell.Code(source);
        if (kernel is not ("markdown" or "csharp"))
        {
            cell.Metadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel };
            cell.Metadata["dotnet_interactive"] = new JsonObject { ["language"] = kernel };
        }
        cell.Id = $"dib{notebook.Cells.Count:D5}";
        notebook.Cells.Add(cell);
    }
}
