using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Course.Kit.Plots;

/// <summary>
/// How the typed figure classes become Plotly JSON. Plotly's attribute names are the C# property names
/// in lower case (<c>ShowLegend</c> → <c>showlegend</c>, <c>ScaleAnchor</c> → <c>scaleanchor</c>), unset
/// (null) properties and empty lists are left out so plotly.js applies its own defaults, and NaN or
/// infinite numbers become <c>null</c>, which Plotly draws as gaps.
/// </summary>
internal static class PlotlyJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = new LowerCase(),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new FiniteDouble() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipEmptyLists } },
    };

    /// <summary>Serialises an object by its runtime type, so a <see cref="Trace"/> writes its subclass's attributes.</summary>
    public static System.Text.Json.Nodes.JsonNode? ToNode(object value) =>
        JsonSerializer.SerializeToNode(value, value.GetType(), Options);

    private sealed class LowerCase : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToLowerInvariant();
    }

    private static void SkipEmptyLists(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
            if (typeof(IList).IsAssignableFrom(property.PropertyType) && !property.PropertyType.IsArray)
                property.ShouldSerialize = (_, value) => value is IList { Count: > 0 };
    }

    private sealed class FiniteDouble : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value)) writer.WriteNumberValue(value);
            else writer.WriteNullValue();
        }
    }
}
