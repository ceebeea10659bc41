using System.Text.Json.Nodes;

namespace Course.Notebooks.Files;

/// <summary>One output of a code cell, as nbformat 4 stores it.</summary>
public abstract record Output
{
    /// <summary>The nbformat JSON of this output.</summary>
    public abstract JsonObject ToJson();

    /// <summary>Reads one output; throws <see cref="FormatException"/> saying which field is wrong.</summary>
    public static Output FromJson(JsonObject json) => (string?)json["output_type"] switch
    {
        "stream" => new StreamOutput((string?)json["name"] ?? throw new FormatException("a stream output has no name"),
            MultilineString.Read(json["text"], "text")),
        "display_data" => new DisplayOutput(MimeBundle.Read(json["data"]), Metadata(json)),
        "execute_result" => new ExecuteResultOutput(MimeBundle.Read(json["data"]), Metadata(json),
            (int?)json["execution_count"] ?? 0),
        "error" => new ErrorOutput((string?)json["ename"] ?? "", (string?)json["evalue"] ?? "",
            json["traceback"] is JsonArray tb ? tb.Select(l => (string?)l ?? "").ToList() : []),
        var other => throw new FormatException($"unknown output_type '{other}'"),
    };

    private static JsonObject Metadata(JsonObject json) =>
        json["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : [];
}

/// <summary>Text a cell wrote to standard output or standard error.</summary>
/// <param name="Name">"stdout" or "stderr".</param>
/// <param name="Text">The text, newlines included.</param>
public sealed record StreamOutput(string Name, string Text) : Output
{
    /// <inheritdoc/>
    public override JsonObject ToJson() => new()
    {
        ["name"] = Name, ["output_type"] = "stream", ["text"] = MultilineString.Write(Text),
    };
}

/// <summary>A value shown by <c>display(...)</c>, in one or more MIME types.</summary>
/// <param name="Data">The representations, keyed by MIME type (see <see cref="MimeBundle"/>).</param>
/// <param name="Metadata">Output metadata, kept as found.</param>
public sealed record DisplayOutput(JsonObject Data, JsonObject Metadata) : Output
{
    /// <summary>
    /// The display id that later updates replace in place. nbformat keeps it out of files (it is transient), so it is
    /// only set on outputs produced in this process.
    /// </summary>
    public string? DisplayId { get; init; }

    /// <inheritdoc/>
    public override JsonObject ToJson() => new()
    {
        ["data"] = MimeBundle.Write(Data), ["metadata"] = Metadata.DeepClone(), ["output_type"] = "display_data",
    };
}

/// <summary>The value of a cell's trailing expression.</summary>
/// <param name="Data">The representations, keyed by MIME type.</param>
/// <param name="Metadata">Output metadata, kept as found.</param>
/// <param name="ExecutionCount">The execution count of the cell that produced it.</param>
public sealed record ExecuteResultOutput(JsonObject Data, JsonObject Metadata, int ExecutionCount) : Output
{
    /// <inheritdoc/>
    public override JsonObject ToJson() => new()
    {
        ["data"] = MimeBundle.Write(Data), ["execution_count"] = ExecutionCount,
        ["metadata"] = Metadata.DeepClone(), ["output_type"] = "execute_result",
    };
}

/// <summary>An exception a cell raised or a compile error.</summary>
/// <param name="Ename">The error's type name, e.g. "CompilationError" or "System.InvalidOperationException".</param>
/// <param name="Evalue">The message.</param>
/// <param name="Traceback">The lines to show, most recent call last.</param>
public sealed record ErrorOutput(string Ename, string Evalue, IReadOnlyList<string> Traceback) : Output
{
    /// <inheritdoc/>
    public override JsonObject ToJson() => new()
    {
        ["ename"] = Ename, ["evalue"] = Evalue, ["output_type"] = "error",
        ["traceback"] = new JsonArray(Traceback.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
    };
}
