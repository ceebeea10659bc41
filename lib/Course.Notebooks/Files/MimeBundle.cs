using System.Text.Json.Nodes;

namespace Course.Notebooks.Files;

/// <summary>
/// The <c>data</c> of a display: MIME type → representation. JSON types ("application/json", "…+json") hold JSON;
/// every other type holds text, which nbformat may store as a list of lines. In memory, text is one string.
/// </summary>
public static class MimeBundle
{
    /// <summary>Whether nbformat stores <paramref name="mimeType"/> as JSON rather than text.</summary>
    public static bool IsJson(string mimeType) => mimeType == "application/json" || mimeType.EndsWith("+json");

    /// <summary>The text stored for <paramref name="mimeType"/>, or null when the bundle lacks it.</summary>
    public static string? Text(JsonObject data, string mimeType) =>
        data[mimeType] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    internal static JsonObject Read(JsonNode? node)
    {
        if (node is not JsonObject data) throw new FormatException("an output's data is not an object");
        var result = new JsonObject();
        foreach (var (mime, value) in data)
            result[mime] = IsJson(mime) ? value?.DeepClone() : MultilineString.Read(value, $"data['{mime}']");
        return result;
    }

    internal static JsonObject Write(JsonObject data)
    {
        var result = new JsonObject();
        foreach (var (mime, value) in data)
            result[mime] = IsJson(mime) || value is not JsonValue v || !v.TryGetValue(out string? text)
                ? value?.DeepClone()
                : MultilineString.Write(text);
        return result;
    }
}
