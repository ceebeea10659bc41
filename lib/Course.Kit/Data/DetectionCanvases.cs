using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit.Data;

/// <summary>
/// A toy object-detection data set: black square canvases with <c>objectsPerCanvas</c> items of a classification
/// data set (Fashion-MNIST) pasted at random, non-overlapping places. Item i is always the same canvas for the same
/// seed. Each item has
/// <list type="bullet">
/// <item><c>"data"</c>: the canvas [1, size, size], float32 in [0, 1];</item>
/// <item><c>"boxes"</c>: [objects, 4] float32 boxes (x0, y0, x1, y1) in pixels, tight around each item's visible
/// pixels, x1 and y1 exclusive (so x1 − x0 is the width);</item>
/// <item><c>"labels"</c>: [objects] int64 classes of the pasted items.</item>
/// </list>
/// Every canvas has the same number of objects, so the default DataLoader collation stacks them.
/// <code>
/// var source = torchvision.datasets.FashionMNIST(torchvision.datasets.find_datasets_folder("fashion-mnist"), train: true);
/// var canvases = new DetectionCanvases(source, count: 1000, size: 64, objectsPerCanvas: 3);
/// </code>
/// </summary>
public sealed class DetectionCanvases : utils.data.Dataset
{
    /// <summary>Pixels brighter than this belong to the item when computing its tight box.</summary>
    public const float VisibleThreshold = 0.05f;

    private const int PlacementTries = 1000;
    private readonly utils.data.Dataset source;
    private readonly long count, seed;

    /// <summary>Defines <paramref name="count"/> canvases drawn from <paramref name="source"/>.</summary>
    /// <param name="source">Items with <c>"data"</c> [1, h, w] or [h, w] in [0, 1] and a scalar <c>"label"</c>.</param>
    /// <param name="count">Number of canvases.</param>
    /// <param name="size">Canvas width and height in pixels (e.g. 64 or 96).</param>
    /// <param name="objectsPerCanvas">Items pasted on each canvas.</param>
    /// <param name="seed">Seed of the placements and of the choice of items.</param>
    public DetectionCanvases(utils.data.Dataset source, long count, int size = 64, int objectsPerCanvas = 3, long seed = 0)
    {
        if (source.Count == 0) throw new ArgumentException("The source data set is empty.", nameof(source));
        if (count < 1 || size < 1 || objectsPerCanvas < 1)
            throw new ArgumentOutOfRangeException(nameof(count), $"count, size and objectsPerCanvas must be positive, got {count}, {size}, {objectsPerCanvas}.");
        (this.source, this.count, Size, ObjectsPerCanvas, this.seed) = (source, count, size, objectsPerCanvas, seed);
    }

    /// <summary>Canvas width and height in pixels.</summary>
    public int Size { get; }

    /// <summary>Items pasted on each canvas.</summary>
    public int ObjectsPerCanvas { get; }

    /// <inheritdoc/>
    public override long Count => count;

    /// <summary>Canvas <paramref name="index"/> with its boxes and labels.</summary>
    /// <exception cref="InvalidOperationException">When the items cannot be placed without overlap (canvas too small).</exception>
    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        if (index < 0 || index >= count) throw new ArgumentOutOfRangeException(nameof(index), $"Canvas {index} is outside 0..{count - 1}.");
        // One generator per canvas, so any canvas can be built alone and always comes out the same.
        var g = new Generator(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)index));
        var canvas = new float[Size * Size];
        var boxes = new List<float>();
        var labels = new long[ObjectsPerCanvas];
        var placed = new List<(int X0, int Y0, int X1, int Y1)>();
        for (int k = 0; k < ObjectsPerCanvas; k++)
        {
            var item = source.GetTensor(randint(0, source.Count, [1], generator: g).item<long>());
            var (pixels, width) = TightCrop(item["data"]);
            int height = pixels.Length / width;
            var box = Place(width, height, placed, g, index);
            placed.Add(box);
            for (int y = 0; y < height; y++)
                Array.Copy(pixels, y * width, canvas, (box.Y0 + y) * Size + box.X0, width);
            boxes.AddRange([box.X0, box.Y0, box.X1, box.Y1]);
            labels[k] = item["label"].to(ScalarType.Int64).item<long>();
        }
        return new()
        {
            ["data"] = tensor(canvas, [1, Size, Size]),
            ["boxes"] = tensor(boxes, [ObjectsPerCanvas, 4]),
            ["labels"] = tensor(labels),
        };
    }

    /// <summary>A free spot for a width × height item: random positions until one overlaps no placed box.</summary>
    private (int X0, int Y0, int X1, int Y1) Place(int width, int height, List<(int X0, int Y0, int X1, int Y1)> placed, Generator g, long index)
    {
        if (width > Size || height > Size)
            throw new InvalidOperationException($"A {width}x{height} item does not fit on a {Size}x{Size} canvas.");
        for (int attempt = 0; attempt < PlacementTries; attempt++)
        {
            int x0 = (int)randint(0, Size - width + 1, [1], generator: g).item<long>();
            int y0 = (int)randint(0, Size - height + 1, [1], generator: g).item<long>();
            (int X0, int Y0, int X1, int Y1) box = (x0, y0, x0 + width, y0 + height);
            // Two boxes overlap when their x ranges and their y ranges both intersect.
            if (!placed.Any(p => box.X0 < p.X1 && p.X0 < box.X1 && box.Y0 < p.Y1 && p.Y0 < box.Y1)) return box;
        }
        throw new InvalidOperationException(
            $"Canvas {index}: no free place for item {placed.Count + 1} after {PlacementTries} tries; use a larger size or fewer objects than {ObjectsPerCanvas} on {Size}x{Size}.");
    }

    /// <summary>The item's pixels inside its tight box (rows and columns with a visible pixel), row-major, and the box width.</summary>
    private static (float[] Pixels, int Width) TightCrop(Tensor image)
    {
        if (image.ndim == 3 && image.shape[0] == 1) image = image[0];
        if (image.ndim != 2) throw new ArgumentException($"Source items must be [1, h, w] or [h, w] images, got shape [{string.Join(", ", image.shape)}].");
        int h = (int)image.shape[0], w = (int)image.shape[1];
        var pixels = image.to(ScalarType.Float32).contiguous().data<float>().ToArray();
        int x0 = w, y0 = h, x1 = 0, y1 = 0;
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                if (pixels[y * w + x] > VisibleThreshold) (x0, y0, x1, y1) = (Math.Min(x0, x), Math.Min(y0, y), Math.Max(x1, x + 1), Math.Max(y1, y + 1));
        if (x1 == 0) (x0, y0, x1, y1) = (0, 0, w, h); // a blank item keeps its full frame
        var crop = new float[(x1 - x0) * (y1 - y0)];
        for (int y = y0; y < y1; y++) Array.Copy(pixels, y * w + x0, crop, (y - y0) * (x1 - x0), x1 - x0);
        return (crop, x1 - x0);
    }
}
