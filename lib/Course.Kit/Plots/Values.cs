using System.Text.Json;
using System.Text.Json.Serialization;

namespace Course.Kit.Plots;

/// <summary>
/// Data for one Plotly attribute that accepts numbers, category names or a single colour:
/// <c>X = new[] { 1.0, 2.0 }</c>, <c>X = new[] { "cat", "dog" }</c>, <c>Color = "crimson"</c>.
/// Arrays convert implicitly, so you rarely write this type's name.
/// </summary>
[JsonConverter(typeof(ValuesConverter))]
public sealed class Values
{
    private readonly object _value;

    private Values(object value) => _value = value;

    /// <summary>Numbers.</summary>
    public static implicit operator Values(double[] numbers) => new(numbers);

    /// <summary>Numbers.</summary>
    public static implicit operator Values(float[] numbers) => new(numbers);

    /// <summary>Integers, e.g. class labels used as colours.</summary>
    public static implicit operator Values(int[] numbers) => new(numbers);

    /// <summary>Integers, e.g. class labels used as colours.</summary>
    public static implicit operator Values(long[] numbers) => new(numbers);

    /// <summary>Category names (bar labels, heatmap rows) or one colour per point.</summary>
    public static implicit operator Values(string[] names) => new(names);

    /// <summary>One value for all points, such as a colour.</summary>
    public static implicit operator Values(string single) => new(single);

    /// <summary>The wrapped array or string.</summary>
    public object Value => _value;

    private sealed class ValuesConverter : JsonConverter<Values>
    {
        public override Values Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options) =>
            throw new NotSupportedException("Figures are written, not read.");

        public override void Write(Utf8JsonWriter writer, Values values, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, values._value, values._value.GetType(), options);
    }
}

/// <summary>
/// A title. Plotly 3 and later want <c>{"text": …}</c>; a string converts implicitly, so write
/// <c>Title = "Loss"</c>.
/// </summary>
public sealed class Title
{
    /// <summary>The title text; Plotly accepts a little HTML such as <c>&lt;b&gt;</c> and <c>&lt;br&gt;</c>.</summary>
    public string? Text { get; set; }

    /// <summary>Font of the title.</summary>
    public Font? Font { get; set; }

    /// <summary>A title with the given text.</summary>
    public static implicit operator Title(string text) => new() { Text = text };
}

/// <summary>
/// A colour scale: a Plotly name (<see cref="Viridis"/>, <see cref="Greys"/>, <see cref="RdBu"/>…) or
/// custom stops from 0 to 1. A string converts implicitly: <c>ColorScale = "Viridis"</c>.
/// </summary>
[JsonConverter(typeof(ColorScaleConverter))]
public sealed class ColorScale
{
    private readonly string? _name;
    private readonly (double Position, string Color)[]? _stops;

    /// <summary>A named Plotly colour scale.</summary>
    public ColorScale(string name) => _name = name;

    /// <summary>Custom stops: positions rise from 0 to 1, colours are CSS colours.</summary>
    public ColorScale(params (double Position, string Color)[] stops)
    {
        if (stops.Length < 2 || stops[0].Position != 0 || stops[^1].Position != 1)
            throw new ArgumentException("A colour scale needs at least two stops, the first at 0 and the last at 1.");
        _stops = stops;
    }

    /// <summary>Perceptually uniform, for magnitudes.</summary>
    public static ColorScale Viridis => new("Viridis");

    /// <summary>Black to white, for grayscale pictures.</summary>
    public static ColorScale Greys => new("Greys");

    /// <summary>Red-white-blue, a diverging scale for signed data such as kernels and gradients.</summary>
    public static ColorScale RdBu => new("RdBu");

    /// <summary>Blues, for counts such as a confusion matrix.</summary>
    public static ColorScale Blues => new("Blues");

    /// <summary>A named scale.</summary>
    public static implicit operator ColorScale(string name) => new(name);

    private sealed class ColorScaleConverter : JsonConverter<ColorScale>
    {
        public override ColorScale Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options) =>
            throw new NotSupportedException("Figures are written, not read.");

        public override void Write(Utf8JsonWriter writer, ColorScale scale, JsonSerializerOptions options)
        {
            if (scale._name != null) { writer.WriteStringValue(scale._name); return; }
            writer.WriteStartArray();
            foreach (var (position, color) in scale._stops!)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(position);
                writer.WriteStringValue(color);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
    }
}
