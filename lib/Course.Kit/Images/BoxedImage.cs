using System.Globalization;
using System.Net;
using System.Text;
using Course.Kit.Display.Formatters;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit.Images;

/// <summary>
/// A detection box in the pixel coordinates of the picture it belongs to, corners as torchvision's xyxy:
/// it covers columns [X0, X1) and rows [Y0, Y1). <paramref name="Color"/> is "#rrggbb", or null for the
/// palette colour of the box's position.
/// </summary>
public sealed record Box(double X0, double Y0, double X1, double Y1, string? Label = null, string? Color = null)
{
    /// <summary>Boxes from a [K, 4] tensor of (x0, y0, x1, y1) rows, with optional labels (one per box).</summary>
    /// <exception cref="ArgumentException">For another shape, or a label count different from K.</exception>
    public static IReadOnlyList<Box> FromTensor(Tensor boxes, IEnumerable<string>? labels = null)
    {
        if (boxes.ndim != 2 || boxes.shape[1] != 4)
            throw new ArgumentException($"Boxes must be a [K, 4] tensor of (x0, y0, x1, y1) rows; got [{string.Join(", ", boxes.shape)}].");
        var v = TensorImages.Values(boxes);
        var names = labels?.ToList();
        int count = (int)boxes.shape[0];
        if (names is not null && names.Count != count)
            throw new ArgumentException($"{count} boxes but {names.Count} labels; give one label per box.");
        return Enumerable.Range(0, count).Select(i => new Box(v[4 * i], v[4 * i + 1], v[4 * i + 2], v[4 * i + 3], names?[i])).ToList();
    }
}

/// <summary>
/// A picture with detection boxes drawn into its pixels (so they show in every viewer and in the saved PNG) and,
/// in HTML, a legend under it listing each box's label in the box's colour (text in pixels would need a font).
/// </summary>
[Course.Torch.TypeFormatterSource(typeof(Course.Kit.Display.HtmlViewFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class BoxedImage : Course.Kit.Display.IHtmlView
{
    /// <summary>Box colours by position when a box names none: Matplotlib's "tab10" palette.</summary>
    public static IReadOnlyList<string> Palette { get; } =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>Draws <paramref name="boxes"/> on <paramref name="picture"/> enlarged <paramref name="scale"/> times.</summary>
    /// <param name="picture">The picture the box coordinates refer to (gray pictures become RGB).</param>
    /// <param name="boxes">Boxes in the picture's pixel coordinates, before scaling.</param>
    /// <param name="scale">Nearest-neighbour enlargement of the picture; box corners scale with it.</param>
    /// <param name="lineWidth">Outline thickness in pixels of the enlarged picture.</param>
    /// <exception cref="ArgumentException">For a box colour that is not "#rrggbb", or a line width below 1.</exception>
    public BoxedImage(Image picture, IEnumerable<Box> boxes, int scale = 1, int lineWidth = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lineWidth, 1);
        Boxes = boxes.ToList();
        var big = picture.Upscale(scale);
        var rgb = new Image(big.Width, big.Height, 3);
        ImageDrawing.Paste(rgb, big, 0, 0);
        for (int i = 0; i < Boxes.Count; i++)
        {
            var box = Boxes[i];
            ImageDrawing.Rectangle(rgb, Pixel(box.X0, scale), Pixel(box.Y0, scale), Pixel(box.X1, scale), Pixel(box.Y1, scale),
                Rgb(ColorOf(i)), lineWidth);
        }
        Image = rgb;
    }

    static int Pixel(double coordinate, int scale) => (int)Math.Round(coordinate * scale);

    static (byte, byte, byte) Rgb(string hex)
    {
        if (hex.Length != 7 || hex[0] != '#' || !int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int value))
            throw new ArgumentException($"A box colour must be \"#rrggbb\", got \"{hex}\".");
        return ((byte)(value >> 16), (byte)(value >> 8), (byte)value);
    }

    /// <summary>The boxes, in drawing order.</summary>
    public IReadOnlyList<Box> Boxes { get; }

    /// <summary>The enlarged RGB picture with the box outlines in its pixels.</summary>
    public Image Image { get; }

    /// <summary>The colour of box <paramref name="index"/>: its own, or the palette's.</summary>
    public string ColorOf(int index) => Boxes[index].Color ?? Palette[index % Palette.Count];

    /// <summary>The picture as an <c>&lt;img&gt;</c> data URI, then one "■ label" line per labelled box in its colour.</summary>
    public string ToHtml()
    {
        var labels = Boxes.Select((box, i) => (box.Label, color: ColorOf(i))).Where(b => b.Label is not null).ToList();
        var html = new StringBuilder("<div>").Append(Image.ToHtml(alt: string.Join(", ", labels.Select(b => b.Label))));
        if (labels.Count > 0)
        {
            html.Append("<div style=\"font: 12px monospace\">");
            foreach (var (label, color) in labels)
                html.Append("<span style=\"color: ").Append(color).Append("\">■ ").Append(WebUtility.HtmlEncode(label)).Append("</span> ");
            html.Append("</div>");
        }
        return html.Append("</div>").ToString();
    }

    /// <summary>Writes the picture with its boxes as a PNG file (atomically; labels are not in the pixels).</summary>
    public void Save(string path) => Image.Save(path);

    /// <summary>Writes <see cref="ToHtml"/>, labels included, as a small HTML page (atomically).</summary>
    public void SaveHtml(string path) => AtomicFile.WriteAllText(path, HtmlPage.Wrap(ToHtml(), "Boxes"));

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Image.Width}x{Image.Height} picture with {Boxes.Count} box(es)" +
        (Boxes.Any(b => b.Label is not null) ? ": " + string.Join(", ", Boxes.Where(b => b.Label is not null).Select(b => b.Label)) : "");
}
