using System.Text;

namespace Course.Kit.Images;

/// <summary>
/// An 8-bit picture in memory: <see cref="Height"/> rows of <see cref="Width"/> pixels, each pixel
/// <see cref="Channels"/> bytes (1 = gray, 2 = gray+alpha, 3 = RGB, 4 = RGBA), stored row-major in
/// <see cref="Pixels"/>. It converts to PNG bytes, a file, or an HTML <c>&lt;img&gt;</c> with a data URI.
/// </summary>
[Course.Torch.TypeFormatterSource(typeof(Course.Kit.Display.HtmlViewFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class Image : Course.Kit.Display.IHtmlView
{
    /// <summary>Creates an image over existing pixel bytes (not copied).</summary>
    /// <param name="width">Pixels per row, at least 1.</param>
    /// <param name="height">Number of rows, at least 1.</param>
    /// <param name="channels">Bytes per pixel: 1 (gray), 2 (gray+alpha), 3 (RGB) or 4 (RGBA).</param>
    /// <param name="pixels">Row-major pixel bytes, exactly <c>width * height * channels</c> long.</param>
    public Image(int width, int height, int channels, byte[] pixels)
    {
        if (width < 1 || height < 1)
            throw new ArgumentException($"An image needs a positive size, got {width}x{height}.");
        if (channels is < 1 or > 4)
            throw new ArgumentException($"Channels must be 1 (gray), 2 (gray+alpha), 3 (RGB) or 4 (RGBA), got {channels}.");
        ArgumentNullException.ThrowIfNull(pixels);
        long expected = (long)width * height * channels;
        if (pixels.Length != expected)
            throw new ArgumentException(
                $"A {width}x{height} image with {channels} channel(s) needs {expected} bytes, got {pixels.Length}.");
        Width = width;
        Height = height;
        Channels = channels;
        Pixels = pixels;
    }

    /// <summary>Creates a black (and, with alpha, fully transparent) image.</summary>
    public Image(int width, int height, int channels)
        : this(width, height, channels, new byte[checked(width * height * channels)]) { }

    /// <summary>Pixels per row.</summary>
    public int Width { get; }

    /// <summary>Number of rows.</summary>
    public int Height { get; }

    /// <summary>Bytes per pixel: 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA.</summary>
    public int Channels { get; }

    /// <summary>Row-major pixel bytes; pixel (x, y) channel c is at <c>(y * Width + x) * Channels + c</c>.</summary>
    public byte[] Pixels { get; }

    /// <summary>The byte of channel <paramref name="c"/> of the pixel in column <paramref name="x"/>, row <paramref name="y"/>.</summary>
    public byte this[int x, int y, int c = 0]
    {
        get => Pixels[(y * Width + x) * Channels + c];
        set => Pixels[(y * Width + x) * Channels + c] = value;
    }

    /// <summary>
    /// The image enlarged <paramref name="factor"/> times by nearest neighbour: every pixel becomes a
    /// factor×factor block, so a 28×28 digit shown at 112×112 stays crisp in any viewer (no smoothing).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">For a factor below 1.</exception>
    public Image Upscale(int factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        if (factor == 1) return this;
        var big = new Image(Width * factor, Height * factor, Channels);
        for (int y = 0; y < big.Height; y++)
            for (int x = 0; x < big.Width; x++)
                Array.Copy(Pixels, ((y / factor) * Width + x / factor) * Channels, big.Pixels, (y * big.Width + x) * Channels, Channels);
        return big;
    }

    /// <summary>Encodes the image as a PNG file in memory.</summary>
    public byte[] ToPngBytes() => Png.Encode(this);

    /// <summary>
    /// Writes the image as a PNG file. The bytes go to a temporary file next to <paramref name="path"/>
    /// that then replaces it, so a reader never sees a half-written picture.
    /// </summary>
    public void Save(string path) => AtomicFile.WriteAllBytes(path, ToPngBytes());

    /// <summary>The PNG as a <c>data:image/png;base64,…</c> URI.</summary>
    public string ToDataUri() => "data:image/png;base64," + Convert.ToBase64String(ToPngBytes());

    /// <summary>
    /// An HTML <c>&lt;img&gt;</c> tag whose source is the PNG data URI. Such images survive GitHub's and
    /// nbviewer's notebook renderers. <paramref name="scale"/> enlarges the displayed size without smoothing,
    /// so tiny images (MNIST digits, kernels) stay crisp.
    /// </summary>
    public string ToHtml(double scale = 1, string? alt = null)
    {
        var html = new StringBuilder("<img src=\"").Append(ToDataUri()).Append('"');
        if (scale != 1)
            html.Append(System.FormattableString.Invariant(
                $" width=\"{Math.Round(Width * scale)}\" height=\"{Math.Round(Height * scale)}\" style=\"image-rendering: pixelated\""));
        if (alt != null)
            html.Append(" alt=\"").Append(System.Net.WebUtility.HtmlEncode(alt)).Append('"');
        return html.Append('>').ToString();
    }

    string Course.Kit.Display.IHtmlView.ToHtml() => ToHtml();

    /// <inheritdoc/>
    public override string ToString() => $"Image {Width}x{Height}, {Channels} channel(s)";
}
