using System.Text.Json.Nodes;

namespace Course.Notebooks.Files;

/// <summary>One notebook cell: its id, kind, source, metadata and (for code) outputs.</summary>
public sealed class Cell
{
    /// <summary>Creates a cell; prefer <see cref="Code"/> and <see cref="Markdown"/>.</summary>
    public Cell(CellType type, string source, string id = "")
    {
        Type = type;
        Source = source;
        Id = id;
    }

    /// <summary>The nbformat 4.5 cell id (letters, digits, '-' and '_'), stable across runs.</summary>
    public string Id { get; set; }

    /// <summary>Code, markdown or raw.</summary>
    public CellType Type { get; }

    /// <summary>The cell's text.</summary>
    public string Source { get; set; }

    /// <summary>Cell metadata, kept as found (unknown keys included).</summary>
    public JsonObject Metadata { get; set; } = [];

    /// <summary>The outputs of a code cell; always empty for other cells.</summary>
    public List<Output> Outputs { get; } = [];

    /// <summary>The execution count of a code cell, or null when it has not run.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>Top-level cell fields this model does not interpret (e.g. markdown attachments), kept for writing.</summary>
    internal JsonObject Extra { get; set; } = [];

    /// <summary>
    /// The kernel that runs this cell: <c>polyglot_notebook.kernelName</c>, else the legacy
    /// <c>dotnet_interactive.language</c>, else null (the notebook's default kernel).
    /// </summary>
    public string? KernelName =>
        (string?)Metadata["polyglot_notebook"]?["kernelName"] ?? (string?)Metadata["dotnet_interactive"]?["language"];

    /// <summary>A C# code cell with the metadata VS Code's Polyglot Notebooks writes.</summary>
    public static Cell Code(string source, string id = "") => new(CellType.Code, source, id)
    {
        Metadata = new JsonObject
        {
            ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
            ["vscode"] = new JsonObject { ["languageId"] = "polyglot-notebook" },
        },
    };

    /// <summary>A markdown cell.</summary>
    public static Cell Markdown(string source, string id = "") => new(CellType.Markdown, source, id);

    /// <summary>A deep copy, outputs included.</summary>
    public Cell Clone()
    {
        var copy = new Cell(Type, Source, Id)
        {
            Metadata = (JsonObject)Metadata.DeepClone(),
            ExecutionCount = ExecutionCount,
            Extra = (JsonObject)Extra.DeepClone(),
        };
        copy.Outputs.AddRange(Outputs);
        return copy;
    }
}
