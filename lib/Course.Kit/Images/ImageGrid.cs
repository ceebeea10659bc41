using System.Net;
using System.Text;
using Course.Kit.Display.Formatters;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit.Images;

/// <summary>One picture in an <see cref="ImageGrid"/>, with an optional caption; <paramref name="Highlight"/> shows
/// the caption in red (e.g. a wrong prediction).</summary>
public sealed record GridCell(Image Image, string? Caption = null, bool Highlight = false);

/// <summary>
/// Pictures in rows of <see cref="Columns"/>, with captions. In a notebook it shows as an HTML table of
/// <c>&lt;img&gt;</c> data URIs with the captions under them (a table degrades well in GitHub's and nbviewer's
/// renderers). <see cref="ToImage"/> composes the pictures into one PNG, without captions (PNG pixels have no font).
/// </summary>
[Course.Torch.TypeFormatterSource(typeof(Course.Kit.Display.HtmlViewFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class ImageGrid : Course.Kit.Display.IHtmlView
{
    /// <summary>The caption colour of highlighted cells.</summary>
    public const string HighlightColor = "#c00000";

    /// <summary>A grid of <paramref name="cells"/>.</summary>
    /// <param name="cells">The pictures with their captions, row by row.</param>
    /// <param name="columns">Pictures per row, at least 1.</param>
    /// <param name="padding">Pixels between pictures (and around them) in <see cref="ToImage"/>.</param>
    /// <exception cref="ArgumentException">For no cells, fewer than one column, or negative padding.</exception>
    public ImageGrid(IEnumerable<GridCell> cells, int columns = 8, int padding = 2)
    {
        Cells = cells.ToList();
        if (Cells.Count == 0) throw new ArgumentException("An image grid needs at least one picture.", nameof(cells));
        if (columns < 1) throw new ArgumentException($"An image grid needs at least one column, got {columns}.", nameof(columns));
        if (padding < 0) throw new ArgumentException($"The padding cannot be negative, got {padding}.", nameof(padding));
        Columns = Math.Min(columns, Cells.Count);
        Padding = padding;
    }

    /// <summary>A grid of <paramref name="images"/> with optional <paramref name="captions"/> (one per image).</summary>
    /// <exception cref="ArgumentException">When the number of captions differs from the number of images.</exception>
    public ImageGrid(IEnumerable<Image> images, IEnumerable<string>? captions = null, int columns = 8, int padding = 2)
        : this(Captioned(images.ToList(), captions?.ToList()), columns, padding) { }

    static IEnumerable<GridCell> Captioned(List<Image> images, List<string>? captions)
    {
        if (captions is not null && captions.Count != images.Count)
            throw new ArgumentException($"{images.Count} pictures but {captions.Count} captions; give one caption per picture.");
        return images.Select((image, i) => new GridCell(image, captions?[i]));
    }

    /// <summary>
    /// Classification results: each picture captioned "true: Coat / pred: Shirt", red when the prediction is wrong.
    /// </summary>
    /// <param name="images">[N, C, H, W] (or [N, H, W] gray) pictures.</param>
    /// <param name="trueLabels">N class indices (any integer dtype).</param>
    /// <param name="predictedLabels">N class indices, e.g. <c>logits.argmax(1)</c>.</param>
    /// <param name="classNames">Names by class index.</param>
    /// <param name="columns">Pictures per row.</param>
    /// <param name="scale">Nearest-neighbour enlargement (null: automatic, see <see cref="TensorImages.SmallestDisplaySide"/>).</param>
    /// <exception cref="ArgumentException">When the counts differ or a label has no class name.</exception>
    public static ImageGrid Classification(Tensor images, Tensor trueLabels, Tensor predictedLabels, IReadOnlyList<string> classNames,
        int columns = 8, int? scale = null)
    {
        var batch = images.ndim == 3 ? images.unsqueeze(1) : images;
        var pictures = TensorImages.Pictures(batch, null, Normalization.Auto, sharedNormalization: false, scale);
        var truth = Labels(trueLabels, "true labels", pictures.Length, classNames);
        var predicted = Labels(predictedLabels, "predicted labels", pictures.Length, classNames);
        var cells = pictures.Select((picture, i) =>
            new GridCell(picture, $"true: {classNames[truth[i]]} / pred: {classNames[predicted[i]]}", Highlight: truth[i] != predicted[i]));
        return new ImageGrid(cells, columns);
    }

    static int[] Labels(Tensor labels, string what, int count, IReadOnlyList<string> classNames)
    {
        var values = TensorImages.Values(labels).Select(v => (int)v).ToArray();
        if (values.Length != count)
            throw new ArgumentException($"{count} pictures but {values.Length} {what} (shape [{string.Join(", ", labels.shape)}]).");
        foreach (var v in values)
            if (v < 0 || v >= classNames.Count)
                throw new ArgumentException($"The {what} contain class {v}, but there are {classNames.Count} class names.");
        return values;
    }

    /// <summary>The pictures and captions, row by row.</summary>
    public IReadOnlyList<GridCell> Cells { get; }

    /// <summary>Pictures per row (at most the number of pictures).</summary>
    public int Columns { get; }

    /// <summary>Number of rows: ⌈pictures / columns⌉.</summary>
    public int Rows => (Cells.Count + Columns - 1) / Columns;

    /// <summary>Pixels between and around pictures in <see cref="ToImage"/>.</summary>
    public int Padding { get; }

    /// <summary>
    /// The pictures composed into one image on a white background, each centred in a cell as large as the largest
    /// picture: width = columns·cell + (columns + 1)·padding, and likewise for the height. Gray if every picture is
    /// gray, RGB otherwise.
    /// </summary>
    public Image ToImage()
    {
        int cellWidth = Cells.Max(c => c.Image.Width), cellHeight = Cells.Max(c => c.Image.Height);
        int channels = Cells.All(c => c.Image.Channels == 1) ? 1 : 3;
        var canvas = new Image(Columns * cellWidth + (Columns + 1) * Padding, Rows * cellHeight + (Rows + 1) * Padding, channels);
        Array.Fill(canvas.Pixels, (byte)255);
        for (int i = 0; i < Cells.Count; i++)
        {
            var picture = Cells[i].Image;
            int left = Padding + (i % Columns) * (cellWidth + Padding) + (cellWidth - picture.Width) / 2;
            int top = Padding + (i / Columns) * (cellHeight + Padding) + (cellHeight - picture.Height) / 2;
            ImageDrawing.Paste(canvas, picture, left, top);
        }
        return canvas;
    }

    /// <summary>An HTML table: each cell an <c>&lt;img&gt;</c> data URI with its caption underneath.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<table style=\"border-collapse: collapse\">");
        for (int row = 0; row < Rows; row++)
        {
            html.Append("<tr>");
            foreach (var cell in Cells.Skip(row * Columns).Take(Columns))
            {
                html.Append("<td style=\"text-align: center; vertical-align: top; padding: 2px\">").Append(cell.Image.ToHtml(alt: cell.Caption));
                if (cell.Caption is not null)
                    html.Append("<br><span style=\"font: 11px monospace; color: ").Append(cell.Highlight ? HighlightColor : "inherit").Append("\">")
                        .Append(WebUtility.HtmlEncode(cell.Caption)).Append("</span>");
                html.Append("</td>");
            }
            html.Append("</tr>");
        }
        return html.Append("</table>").ToString();
    }

    /// <summary>Writes <see cref="ToImage"/> as a PNG file (atomically; captions are not in the pixels).</summary>
    public void Save(string path) => ToImage().Save(path);

    /// <summary>Writes <see cref="ToHtml"/>, captions included, as a small HTML page (atomically).</summary>
    public void SaveHtml(string path) => AtomicFile.WriteAllText(path, HtmlPage.Wrap(ToHtml(), "Image grid"));

    /// <inheritdoc/>
    public override string ToString() => $"ImageGrid of {Cells.Count} picture(s), {Rows}x{Columns}";
}
