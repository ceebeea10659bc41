using System.Text.Json.Nodes;

namespace Course.Notebooks.Files;

/// <summary>
/// nbformat stores text either as one string or as a list of lines that each keep their "\n"; both mean the
/// concatenation. We read both and write the list form, as Jupyter and VS Code do, so diffs stay line by line.
/// </summary>
internal static class MultilineString
{
    /// <summary>The text of a string or string-array node; throws <see cref="FormatException"/> for anything else.</summary>
    public static string Read(JsonNode? node, string what) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonArray a => string.Concat(a.Select((line, i) => line is JsonValue lv && lv.TryGetValue(out string? s)
            ? s : throw new FormatException($"{what}[{i}] is not a string"))),
        _ => throw new FormatException($"{what} is neither a string nor a list of strings"),
    };

    /// <summary>The list-of-lines form: every line but the last keeps its trailing "\n".</summary>
    public static JsonArray Write(string text)
    {
        var lines = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }
        return lines;
    }
}
