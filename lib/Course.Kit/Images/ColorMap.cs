using System.Globalization;

namespace Course.Kit.Images;

/// <summary>
/// Maps a number in [0, 1] to a colour by linear interpolation between stops. <see cref="Gray"/> for pictures,
/// <see cref="Viridis"/> for magnitudes (perceptually uniform, readable in gray print and by colour-blind readers),
/// <see cref="Coolwarm"/> for signed data such as kernels and gradients: 0.5 (the value 0 under symmetric
/// normalization) is near white, negative values blue, positive red.
/// </summary>
public sealed class ColorMap
{
    readonly (double at, byte r, byte g, byte b)[] stops;

    ColorMap(string name, bool isDiverging, params (double at, string hex)[] stops)
    {
        Name = name;
        IsDiverging = isDiverging;
        this.stops = stops.Select(s => (s.at, Hex(s.hex, 0), Hex(s.hex, 2), Hex(s.hex, 4))).ToArray();
    }

    static byte Hex(string hex, int at) => byte.Parse(hex.AsSpan(1 + at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary>Black to white.</summary>
    public static ColorMap Gray { get; } = new("gray", false, (0, "#000000"), (1, "#ffffff"));

    /// <summary>Matplotlib's viridis, dark purple to yellow, at the 17 stops Plotly lists for its Viridis scale.</summary>
    public static ColorMap Viridis { get; } = new("viridis", false,
        (0, "#440154"), (16 / 255.0, "#48186a"), (32 / 255.0, "#472d7b"), (48 / 255.0, "#424086"), (64 / 255.0, "#3b528b"),
        (80 / 255.0, "#33638d"), (96 / 255.0, "#2c728e"), (112 / 255.0, "#26828e"), (128 / 255.0, "#21918c"),
        (144 / 255.0, "#1fa088"), (160 / 255.0, "#28ae80"), (176 / 255.0, "#3fbc73"), (192 / 255.0, "#5ec962"),
        (208 / 255.0, "#84d44b"), (224 / 255.0, "#addc30"), (240 / 255.0, "#d8e219"), (1, "#fde725"));

    /// <summary>ColorBrewer's 11-class RdBu reversed: blue (0) through near-white #f7f7f7 (0.5) to red (1).</summary>
    public static ColorMap Coolwarm { get; } = new("coolwarm", true,
        (0.0, "#053061"), (0.1, "#2166ac"), (0.2, "#4393c3"), (0.3, "#92c5de"), (0.4, "#d1e5f0"), (0.5, "#f7f7f7"),
        (0.6, "#fddbc7"), (0.7, "#f4a582"), (0.8, "#d6604d"), (0.9, "#b2182b"), (1.0, "#67001f"));

    /// <summary>The map's name (gray, viridis, coolwarm).</summary>
    public string Name { get; }

    /// <summary>True for maps meant for signed data centred on 0; pictures then normalize symmetrically.</summary>
    public bool IsDiverging { get; }

    /// <summary>The colour at <paramref name="t"/>, clamped to [0, 1] (NaN counts as 0).</summary>
    public (byte R, byte G, byte B) this[double t]
    {
        get
        {
            t = double.IsNaN(t) ? 0 : Math.Clamp(t, 0, 1);
            int i = 1;
            while (i < stops.Length - 1 && stops[i].at < t) i++;
            var (a, b) = (stops[i - 1], stops[i]);
            double f = (t - a.at) / (b.at - a.at);
            return (Mix(a.r, b.r, f), Mix(a.g, b.g, f), Mix(a.b, b.b, f));
        }
    }

    static byte Mix(byte from, byte to, double f) => (byte)Math.Round(from + (to - from) * f);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
