using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit.Images;

/// <summary>
/// Pictures of tensors, channels first as in torchvision: [H, W] and [1, H, W] are gray (or a colour map),
/// [3, H, W] is RGB, [N, C, H, W] is a grid of N pictures. Values become brightness through a
/// <see cref="Normalization"/>; tiny pictures are enlarged by nearest neighbour to at least
/// <see cref="SmallestDisplaySide"/> pixels.
/// </summary>
public static class TensorImages
{
    /// <summary>The side, in pixels, that automatic scaling enlarges small pictures to (28×28 → 112×112).</summary>
    public const int SmallestDisplaySide = 112;

    /// <summary>
    /// The tensor as one picture; an [N, C, H, W] batch becomes its grid composed into one image (captions need
    /// <see cref="ToImageGrid"/>).
    /// </summary>
    /// <param name="tensor">[H, W], [C, H, W] or [N, C, H, W] with C = 1 or 3, of any dtype.</param>
    /// <param name="colorMap">For one-channel pictures: null or <see cref="ColorMap.Gray"/> gives a gray PNG; others give RGB.</param>
    /// <param name="normalization">How values map to [0, 1]; see <see cref="Normalization.Auto"/>.</param>
    /// <param name="scale">Nearest-neighbour enlargement; null picks the smallest whole factor reaching <see cref="SmallestDisplaySide"/>.</param>
    /// <exception cref="ArgumentException">For a shape that is not image-like (the message names it).</exception>
    public static Image ToImage(this Tensor tensor, ColorMap? colorMap = null, Normalization normalization = Normalization.Auto, int? scale = null) =>
        tensor.ndim == 4
            ? tensor.ToImageGrid(colorMap: colorMap, normalization: normalization, scale: scale).ToImage()
            : Pictures(tensor, colorMap, normalization, sharedNormalization: false, scale)[0];

    /// <summary>An [N, C, H, W] batch (or one [C, H, W]/[H, W] picture) as a grid, with optional per-picture captions.</summary>
    /// <param name="images">The pictures, shaped as for <see cref="ToImage"/>.</param>
    /// <param name="captions">One caption per picture, or null.</param>
    /// <param name="columns">Pictures per row (fewer when there are fewer pictures).</param>
    /// <param name="colorMap">As for <see cref="ToImage"/>.</param>
    /// <param name="normalization">As for <see cref="ToImage"/>.</param>
    /// <param name="sharedNormalization">One value range for the whole batch (brightness comparable across pictures)
    /// instead of one per picture (each picture uses its full contrast).</param>
    /// <param name="scale">As for <see cref="ToImage"/>.</param>
    public static ImageGrid ToImageGrid(this Tensor images, IEnumerable<string>? captions = null, int columns = 8,
        ColorMap? colorMap = null, Normalization normalization = Normalization.Auto, bool sharedNormalization = false, int? scale = null) =>
        new(Pictures(images, colorMap, normalization, sharedNormalization, scale), captions, columns);

    /// <summary>
    /// The [H, W] or [C, H, W] picture with detection <paramref name="boxes"/> drawn on it, the boxes given in the
    /// tensor's pixel coordinates and enlarged with the picture.
    /// </summary>
    /// <param name="image">One picture, shaped as for <see cref="ToImage"/> (not a batch).</param>
    /// <param name="boxes">The boxes (see <see cref="Box.FromTensor"/>).</param>
    /// <param name="scale">As for <see cref="ToImage"/>.</param>
    /// <param name="lineWidth">Outline thickness in pixels of the enlarged picture.</param>
    public static BoxedImage WithBoxes(this Tensor image, IEnumerable<Box> boxes, int? scale = null, int lineWidth = 2)
    {
        if (image.ndim == 4)
            throw new ArgumentException($"WithBoxes draws on one picture, [H, W] or [C, H, W]; got the batch {ShapeString(image)}.");
        var picture = Pictures(image, null, Normalization.Auto, sharedNormalization: false, scale: 1)[0];
        return new BoxedImage(picture, boxes, scale ?? AutoScale(picture.Height, picture.Width), lineWidth);
    }

    static int AutoScale(int height, int width) => Math.Max(1, SmallestDisplaySide / Math.Max(height, width));

    /// <summary>One picture per image in the tensor, normalized and scaled.</summary>
    internal static Image[] Pictures(Tensor tensor, ColorMap? colorMap, Normalization normalization, bool sharedNormalization, int? scale)
    {
        var (n, channels, height, width) = BatchShape(tensor);
        if (channels == 3 && colorMap is not null && colorMap != ColorMap.Gray)
            throw new ArgumentException($"The colour map '{colorMap}' applies to one-channel pictures; the tensor {ShapeString(tensor)} has 3 channels (RGB).");
        int factor = scale ?? AutoScale(height, width);
        if (factor < 1) throw new ArgumentOutOfRangeException(nameof(scale), $"The scale must be at least 1, got {factor}.");

        var values = Values(tensor);
        int perImage = channels * height * width;
        var shared = sharedNormalization ? ValueRange.For(values, tensor.dtype, normalization, colorMap) : default;
        var pictures = new Image[n];
        for (int i = 0; i < n; i++)
        {
            var own = values.AsSpan(i * perImage, perImage);
            var range = sharedNormalization ? shared : ValueRange.For(own, tensor.dtype, normalization, colorMap);
            pictures[i] = Picture(own, channels, height, width, range, colorMap).Upscale(factor);
        }
        return pictures;
    }

    /// <summary>The tensor's shape as (N, C, H, W), or an error naming it.</summary>
    static (int n, int channels, int height, int width) BatchShape(Tensor tensor)
    {
        var s = tensor.shape;
        var (n, c, h, w) = s.Length switch
        {
            2 => (1L, 1L, s[0], s[1]),
            3 => (1L, s[0], s[1], s[2]),
            4 => (s[0], s[1], s[2], s[3]),
            _ => (0L, 0L, 0L, 0L),
        };
        if (n < 1 || c is not (1 or 3) || h < 1 || w < 1)
            throw new ArgumentException(
                $"A picture needs a tensor shaped [H, W], [C, H, W] or [N, C, H, W] with C = 1 (gray) or 3 (RGB), channels first; got {ShapeString(tensor)}.");
        return ((int)n, (int)c, (int)h, (int)w);
    }

    static string ShapeString(Tensor t) => "[" + string.Join(", ", t.shape) + "]";

    /// <summary>Every element as a double, in row-major order, whatever the dtype and strides.</summary>
    internal static double[] Values(Tensor tensor)
    {
        var offsets = tensor.Offsets();
        var values = new double[offsets.Length];
        for (int i = 0; i < offsets.Length; i++) values[i] = tensor.GetAsDouble(offsets[i]);
        return values;
    }

    /// <summary>One C×H×W block of values as an 8-bit picture: gray, RGB, or a colour map's RGB.</summary>
    static Image Picture(ReadOnlySpan<double> values, int channels, int height, int width, ValueRange range, ColorMap? colorMap)
    {
        int plane = height * width;
        if (channels == 1 && (colorMap is null || colorMap == ColorMap.Gray))
        {
            var gray = new Image(width, height, 1);
            for (int p = 0; p < plane; p++) gray.Pixels[p] = ToByte(range.Position(values[p]));
            return gray;
        }
        var rgb = new Image(width, height, 3);
        for (int p = 0; p < plane; p++)
        {
            if (channels == 3)
                for (int c = 0; c < 3; c++) rgb.Pixels[p * 3 + c] = ToByte(range.Position(values[c * plane + p]));
            else
                (rgb.Pixels[p * 3], rgb.Pixels[p * 3 + 1], rgb.Pixels[p * 3 + 2]) = colorMap![range.Position(values[p])];
        }
        return rgb;
    }

    static byte ToByte(double t) => double.IsNaN(t) ? (byte)0 : (byte)Math.Round(Math.Clamp(t, 0, 1) * 255);
}
