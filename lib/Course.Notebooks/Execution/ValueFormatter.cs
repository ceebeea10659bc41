using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Notebooks.Files;
using Microsoft.DotNet.Interactive.Formatting;

namespace Course.Notebooks.Execution;

/// <summary>
/// Turns a value into a notebook MIME bundle exactly as .NET Interactive's C# kernel does: for each MIME type the
/// value's type prefers (<see cref="Formatter.GetPreferredMimeTypesFor"/>, which honours the
/// <c>TypeFormatterSourceAttribute</c> convention our engine and kit use), <c>value.ToDisplayString(mime)</c>.
/// </summary>
internal static class ValueFormatter
{
    /// <summary>The kernel's settings: it shows 20 list items, 6 levels deep, and null as "&lt;null&gt;".</summary>
    static ValueFormatter()
    {
        Formatter.ListExpansionLimit = 20;
        Formatter.RecursionLimit = 6;
        Formatter.NullString = "<null>";
    }

    /// <summary>
    /// The MIME types <paramref name="value"/> is shown in: <paramref name="requested"/> when given, else the type's
    /// preferred ones (strings prefer text/plain, most other objects text/html).
    /// </summary>
    public static string[] MimeTypesFor(object? value, string[] requested) =>
        requested.Length > 0 ? requested
        : value is null ? [PlainTextFormatter.MimeType]
        : Formatter.GetPreferredMimeTypesFor(value.GetType()).ToArray();

    /// <summary>The MIME bundle (nbformat <c>data</c>) of <paramref name="value"/> in <paramref name="mimeTypes"/>.</summary>
    public static JsonObject Format(object? value, IEnumerable<string> mimeTypes)
    {
        var data = new JsonObject();
        foreach (string mime in mimeTypes)
        {
            string text = value is null ? Formatter.NullString : value.ToDisplayString(mime);
            data[mime] = MimeBundle.IsJson(mime) ? ParseJsonOrString(text) : text;
        }
        return data;
    }

    /// <summary>nbformat stores JSON MIME types as JSON; a formatter that wrote something else is kept as a string.</summary>
    private static JsonNode? ParseJsonOrString(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
