using Course.Torch;

namespace Course.Kit.Images;

/// <summary>The values that map to 0 and 1: t = (v − Low) / (High − Low). Never empty (High > Low).</summary>
internal readonly record struct ValueRange(double Low, double High)
{
    /// <summary>Where <paramref name="value"/> falls, 0 at <see cref="Low"/> and 1 at <see cref="High"/> (not clamped).</summary>
    public double Position(double value) => (value - Low) / (High - Low);

    /// <summary>Resolves <paramref name="normalization"/> for these values (NaN and ±Inf are ignored).</summary>
    public static ValueRange For(ReadOnlySpan<double> values, ScalarType dtype, Normalization normalization, ColorMap? colorMap)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
            if (double.IsFinite(v)) { min = Math.Min(min, v); max = Math.Max(max, v); }
        if (min > max) (min, max) = (0, 0); // no finite value at all

        if (normalization == Normalization.Auto)
            normalization = dtype is ScalarType.Byte or ScalarType.Bool || (min >= 0 && max <= 1 && colorMap is not { IsDiverging: true })
                ? Normalization.None
                : colorMap is { IsDiverging: true } ? Normalization.Symmetric : Normalization.MinMax;

        return normalization switch
        {
            Normalization.None => dtype == ScalarType.Byte ? new(0, 255) : new(0, 1),
            Normalization.Symmetric => Math.Max(Math.Abs(min), Math.Abs(max)) is var m && m > 0 ? new(-m, m) : new(-1, 1),
            _ => max > min ? new(min, max) : new(min, min + 1), // a constant picture maps to 0
        };
    }
}
