using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Course.Kit.Images;

/// <summary>
/// A small PNG codec on the framework's zlib (<see cref="ZLibStream"/>).
/// <para>
/// A PNG file is an 8-byte signature followed by chunks: 4-byte big-endian length, 4-letter type,
/// data, and a CRC-32 of type+data. <c>IHDR</c> gives size and pixel format, <c>PLTE</c> the palette,
/// the <c>IDAT</c> chunks together hold one zlib stream, and <c>IEND</c> ends the file. Inside the
/// stream every row starts with a filter byte (0 None, 1 Sub, 2 Up, 3 Average, 4 Paeth) that predicts
/// each byte from its left, upper and upper-left neighbours; storing the prediction error makes
/// smooth pictures compress well.
/// </para>
/// The encoder writes 8-bit gray, gray+alpha, RGB and RGBA. The decoder reads those plus gray and
/// palette images of 1, 2, 4 or 8 bits; it rejects interlaced and 16-bit files with a clear message.
/// </summary>
public static class Png
{
    /// <summary>The eight bytes every PNG file starts with.</summary>
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    // PNG colour types and the channels each one decodes to.
    private const byte Gray = 0, Rgb = 2, Palette = 3, GrayAlpha = 4, Rgba = 6;

    private static byte ColorTypeFor(int channels) => channels switch
    {
        1 => Gray, 2 => GrayAlpha, 3 => Rgb, 4 => Rgba,
        _ => throw new ArgumentException($"PNG supports 1 to 4 channels, got {channels}."),
    };

    // ----------------------------------------------------------------- encoder

    /// <summary>Encodes <paramref name="image"/> as an 8-bit, non-interlaced PNG file.</summary>
    public static byte[] Encode(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var file = new MemoryStream();
        file.Write(Signature);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), image.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), image.Height);
        header[8] = 8;                                  // bit depth
        header[9] = ColorTypeFor(image.Channels);
        // header[10..12] = compression 0 (zlib), filter method 0, interlace 0 (none)
        WriteChunk(file, "IHDR", header);
        WriteChunk(file, "IDAT", Compress(FilterRows(image)));
        WriteChunk(file, "IEND", []);
        return file.ToArray();
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        byte[] typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Update(Crc32.Compute(typeBytes), data));
        output.Write(word);
    }

    private static byte[] Compress(byte[] raw)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(raw);
        return buffer.ToArray();
    }

    /// <summary>
    /// Prefixes every row with the filter that makes it smallest by the heuristic the PNG
    /// specification suggests: minimise the sum of |residual| with residuals read as signed bytes.
    /// </summary>
    private static byte[] FilterRows(Image image)
    {
        int stride = image.Width * image.Channels, bpp = image.Channels;
        var output = new byte[image.Height * (stride + 1)];
        var candidate = new byte[stride];
        byte[] zeros = new byte[stride];
        for (int y = 0; y < image.Height; y++)
        {
            ReadOnlySpan<byte> row = image.Pixels.AsSpan(y * stride, stride);
            ReadOnlySpan<byte> up = y == 0 ? zeros : image.Pixels.AsSpan((y - 1) * stride, stride);
            Span<byte> target = output.AsSpan(y * (stride + 1) + 1, stride);
            long best = long.MaxValue;
            for (byte filter = 0; filter <= 4; filter++)
            {
                long cost = 0;
                for (int i = 0; i < stride; i++)
                {
                    byte left = i >= bpp ? row[i - bpp] : (byte)0;
                    byte upLeft = i >= bpp ? up[i - bpp] : (byte)0;
                    candidate[i] = (byte)(row[i] - Predict(filter, left, up[i], upLeft));
                    cost += Math.Abs((int)(sbyte)candidate[i]);
                }
                if (cost < best)
                {
                    best = cost;
                    output[y * (stride + 1)] = filter;
                    candidate.CopyTo(target);
                }
            }
        }
        return output;
    }

    /// <summary>The value filter <paramref name="filter"/> predicts for a byte from its neighbours.</summary>
    private static byte Predict(byte filter, byte left, byte up, byte upLeft) => filter switch
    {
        0 => 0,
        1 => left,
        2 => up,
        3 => (byte)((left + up) / 2),
        _ => Paeth(left, up, upLeft),
    };

    // Paeth: p = a + b - c; pick whichever of a (left), b (up), c (upper-left) is closest to p, ties in that order.
    private static byte Paeth(byte a, byte b, byte c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    // ----------------------------------------------------------------- decoder

    /// <summary>Reads a PNG file from disk.</summary>
    public static Image Load(string path) => Decode(File.ReadAllBytes(path), path);

    /// <summary>
    /// Decodes a PNG file. Gray and palette images of 1, 2, 4 and 8 bits, gray+alpha, RGB and RGBA
    /// of 8 bits are supported. Palette images become RGB, or RGBA when the file has a <c>tRNS</c> chunk.
    /// </summary>
    /// <param name="png">The whole file.</param>
    /// <param name="source">A name for error messages, such as the file path.</param>
    /// <exception cref="InvalidDataException">The bytes are not a PNG this decoder supports; the message says why.</exception>
    public static Image Decode(byte[] png, string source = "PNG data")
    {
        ArgumentNullException.ThrowIfNull(png);
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature))
            throw new InvalidDataException($"{source}: not a PNG file (the 8-byte PNG signature is missing).");

        Header? header = null;
        byte[]? palette = null, paletteAlpha = null;
        using var idat = new MemoryStream();
        int pos = 8;
        while (true)
        {
            if (pos + 8 > png.Length)
                throw new InvalidDataException($"{source}: truncated file: it ends after {png.Length} bytes, before the IEND chunk.");
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            string type = Encoding.ASCII.GetString(png, pos + 4, 4);
            if (length < 0 || (long)pos + 12 + length > png.Length)
                throw new InvalidDataException($"{source}: truncated file: chunk {type} at byte {pos} claims {length} bytes but the file ends at {png.Length}.");
            ReadOnlySpan<byte> data = png.AsSpan(pos + 8, length);
            uint stored = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos + 8 + length));
            uint actual = Crc32.Compute(png.AsSpan(pos + 4, 4 + length));
            if (stored != actual)
                throw new InvalidDataException($"{source}: CRC mismatch in chunk {type} at byte {pos} (stored {stored:X8}, computed {actual:X8}); the file is corrupt.");
            pos += 12 + length;

            switch (type)
            {
                case "IHDR": header = Header.Parse(data, source); break;
                case "PLTE": palette = data.ToArray(); break;
                case "tRNS": paletteAlpha = data.ToArray(); break;
                case "IDAT": idat.Write(data); break;
                case "IEND":
                    if (header is null) throw new InvalidDataException($"{source}: no IHDR chunk before IEND.");
                    return Build(header, Inflate(idat.ToArray(), source), palette, paletteAlpha, source);
                default:
                    // Bit 5 of the first letter marks ancillary chunks (lower case), which a decoder may skip.
                    if (char.IsUpper(type[0]))
                        throw new InvalidDataException($"{source}: unknown critical chunk {type}.");
                    break;
            }
        }
    }

    private sealed record Header(int Width, int Height, int BitDepth, byte ColorType)
    {
        /// <summary>Samples per pixel as stored in the file.</summary>
        public int Samples => ColorType switch { Gray => 1, Palette => 1, GrayAlpha => 2, Rgb => 3, _ => 4 };

        /// <summary>Bytes per filtered row, excluding the filter byte.</summary>
        public int Stride => (Width * Samples * BitDepth + 7) / 8;

        public static Header Parse(ReadOnlySpan<byte> d, string source)
        {
            if (d.Length != 13) throw new InvalidDataException($"{source}: IHDR chunk has {d.Length} bytes, expected 13.");
            var h = new Header(BinaryPrimitives.ReadInt32BigEndian(d), BinaryPrimitives.ReadInt32BigEndian(d[4..]), d[8], d[9]);
            if (h.Width < 1 || h.Height < 1)
                throw new InvalidDataException($"{source}: IHDR gives an empty size {h.Width}x{h.Height}.");
            if (h.ColorType is not (Gray or Rgb or Palette or GrayAlpha or Rgba))
                throw new InvalidDataException($"{source}: IHDR has invalid colour type {h.ColorType}.");
            if (h.BitDepth == 16)
                throw new InvalidDataException($"{source}: 16-bit PNGs are not supported; save the image with 8 bits per channel.");
            bool lowDepthAllowed = h.ColorType is Gray or Palette;
            if (h.BitDepth != 8 && !(lowDepthAllowed && h.BitDepth is 1 or 2 or 4))
                throw new InvalidDataException($"{source}: bit depth {h.BitDepth} is not supported for colour type {h.ColorType}.");
            if (d[12] != 0)
                throw new InvalidDataException($"{source}: interlaced (Adam7) PNGs are not supported; save the image without interlacing.");
            if (d[10] != 0 || d[11] != 0)
                throw new InvalidDataException($"{source}: IHDR has unknown compression method {d[10]} or filter method {d[11]}.");
            return h;
        }
    }

    private static byte[] Inflate(byte[] compressed, string source)
    {
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var raw = new MemoryStream();
            zlib.CopyTo(raw);
            return raw.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{source}: the IDAT data is not a valid zlib stream ({e.Message}).", e);
        }
    }

    private static Image Build(Header h, byte[] raw, byte[]? palette, byte[]? paletteAlpha, string source)
    {
        int stride = h.Stride;
        long needed = (long)h.Height * (stride + 1);
        if (raw.Length < needed)
            throw new InvalidDataException($"{source}: IDAT holds {raw.Length} bytes of pixel data, a {h.Width}x{h.Height} image needs {needed}.");
        Unfilter(raw, h, source);

        if (h.ColorType == Palette)
            return Depalette(h, raw, palette, paletteAlpha, source);

        var image = new Image(h.Width, h.Height, h.Samples);
        for (int y = 0; y < h.Height; y++)
        {
            ReadOnlySpan<byte> row = raw.AsSpan(y * (stride + 1) + 1, stride);
            Span<byte> target = image.Pixels.AsSpan(y * h.Width * h.Samples, h.Width * h.Samples);
            if (h.BitDepth == 8)
                row.CopyTo(target);
            else
                for (int x = 0; x < h.Width; x++)        // scale a k-bit gray level to 0..255
                    target[x] = (byte)(Sample(row, x, h.BitDepth) * 255 / ((1 << h.BitDepth) - 1));
        }
        return image;
    }

    /// <summary>Undoes the per-row filters in place (the filter byte of each row is left as is).</summary>
    private static void Unfilter(byte[] raw, Header h, string source)
    {
        int stride = h.Stride, bpp = Math.Max(1, h.Samples * h.BitDepth / 8);
        for (int y = 0; y < h.Height; y++)
        {
            int start = y * (stride + 1);
            byte filter = raw[start];
            if (filter > 4)
                throw new InvalidDataException($"{source}: row {y} has unknown filter type {filter}.");
            Span<byte> row = raw.AsSpan(start + 1, stride);
            ReadOnlySpan<byte> up = y == 0 ? new byte[stride] : raw.AsSpan(start - stride, stride);
            for (int i = 0; i < stride; i++)
            {
                byte left = i >= bpp ? row[i - bpp] : (byte)0;
                byte upLeft = i >= bpp ? up[i - bpp] : (byte)0;
                row[i] = (byte)(row[i] + Predict(filter, left, up[i], upLeft));
            }
        }
    }

    // Sample x of a row packed at `depth` bits per sample, most significant bits first.
    private static int Sample(ReadOnlySpan<byte> row, int x, int depth)
    {
        if (depth == 8) return row[x];
        int bit = x * depth;
        return (row[bit >> 3] >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
    }

    private static Image Depalette(Header h, byte[] raw, byte[]? palette, byte[]? alpha, string source)
    {
        if (palette is null || palette.Length % 3 != 0)
            throw new InvalidDataException($"{source}: palette image without a valid PLTE chunk.");
        int colors = palette.Length / 3, channels = alpha is null ? 3 : 4;
        var image = new Image(h.Width, h.Height, channels);
        for (int y = 0; y < h.Height; y++)
        {
            ReadOnlySpan<byte> row = raw.AsSpan(y * (h.Stride + 1) + 1, h.Stride);
            for (int x = 0; x < h.Width; x++)
            {
                int index = Sample(row, x, h.BitDepth);
                if (index >= colors)
                    throw new InvalidDataException($"{source}: pixel ({x}, {y}) uses palette entry {index} but PLTE has {colors} colours.");
                int o = (y * h.Width + x) * channels;
                image.Pixels[o] = palette[3 * index];
                image.Pixels[o + 1] = palette[3 * index + 1];
                image.Pixels[o + 2] = palette[3 * index + 2];
                if (alpha is not null)
                    image.Pixels[o + 3] = index < alpha.Length ? alpha[index] : (byte)255;
            }
        }
        return image;
    }
}
