using System.Buffers.Binary;
using Course.Kit.Images;

namespace Course.Kit.Tests;

public class PngTests
{
    private static Image RandomImage(int width, int height, int channels, int seed)
    {
        var pixels = new byte[width * height * channels];
        new Random(seed).NextBytes(pixels);
        return new Image(width, height, channels, pixels);
    }

    // A smooth gradient: exercises the predicting filters (Sub/Up/Average/Paeth), where random noise picks None.
    private static Image Gradient(int width, int height, int channels)
    {
        var image = new Image(width, height, channels);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                for (int c = 0; c < channels; c++)
                    image[x, y, c] = (byte)(x * 3 + y * 5 + c * 40);
        return image;
    }

    [Theory]
    [InlineData(1, 1, 1)] [InlineData(1, 1, 2)] [InlineData(1, 1, 3)] [InlineData(1, 1, 4)]
    [InlineData(7, 5, 1)] [InlineData(7, 5, 2)] [InlineData(7, 5, 3)] [InlineData(7, 5, 4)]
    [InlineData(33, 17, 1)] [InlineData(33, 17, 2)] [InlineData(33, 17, 3)] [InlineData(33, 17, 4)]
    [InlineData(1, 9, 3)] [InlineData(64, 1, 4)]
    public void RoundTrip_RandomPixels(int width, int height, int channels)
    {
        var image = RandomImage(width, height, channels, seed: width * 100 + height * 10 + channels);
        var back = Png.Decode(image.ToPngBytes());
        Assert.Equal((width, height, channels), (back.Width, back.Height, back.Channels));
        Assert.Equal(image.Pixels, back.Pixels);
    }

    [Theory]
    [InlineData(1)] [InlineData(2)] [InlineData(3)] [InlineData(4)]
    public void RoundTrip_SmoothImage_UsesPredictingFiltersAndCompresses(int channels)
    {
        var image = Gradient(40, 30, channels);
        byte[] png = image.ToPngBytes();
        Assert.Equal(image.Pixels, Png.Decode(png).Pixels);
        Assert.True(png.Length < image.Pixels.Length / 4, $"{png.Length} bytes for {image.Pixels.Length} raw bytes");
    }

    [Fact]
    public void Encode_WritesSignatureAndChunksInOrder()
    {
        byte[] png = RandomImage(3, 2, 3, 1).ToPngBytes();
        Assert.Equal(Png.Signature.ToArray(), png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(3, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(2, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.Equal(new byte[] { 8, 2, 0, 0, 0 }, png[24..29]);
        Assert.Equal("IEND", System.Text.Encoding.ASCII.GetString(png, png.Length - 8, 4));
    }

    [Fact]
    public void Crc32_MatchesKnownCheckValue()
    {
        // The standard check value of CRC-32/ISO-HDLC over "123456789".
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
    }

    [Fact]
    public void SaveAndLoad_GoThroughAFile_AndLeaveNoTemporaryFiles()
    {
        using var dir = new External.TempDir();
        var image = RandomImage(9, 4, 4, 7);
        string path = dir.File("sub/pic.png");
        image.Save(path);
        RandomImage(9, 4, 4, 8).Save(path);           // overwrite
        Assert.Equal(RandomImage(9, 4, 4, 8).Pixels, Png.Load(path).Pixels);
        Assert.Equal(["pic.png"], Directory.GetFiles(dir.File("sub")).Select(Path.GetFileName));
    }

    [Fact]
    public void ToHtml_IsAnImgWithAPngDataUri()
    {
        var image = RandomImage(2, 2, 1, 3);
        string html = image.ToHtml(scale: 4, alt: "a <digit>");
        Assert.StartsWith("<img src=\"data:image/png;base64,", html);
        Assert.Contains("width=\"8\" height=\"8\"", html);
        Assert.Contains("alt=\"a &lt;digit&gt;\"", html);
        string base64 = image.ToDataUri()["data:image/png;base64,".Length..];
        Assert.Equal(image.Pixels, Png.Decode(Convert.FromBase64String(base64)).Pixels);
    }

    [Fact]
    public void Image_RejectsWrongPixelCount()
    {
        var e = Assert.Throws<ArgumentException>(() => new Image(4, 3, 3, new byte[35]));
        Assert.Contains("4x3", e.Message);
        Assert.Contains("36 bytes, got 35", e.Message);
    }

    // ------------------------------------------------------------ independent codec: Pillow

    [Theory]
    [InlineData(1, "L")] [InlineData(2, "LA")] [InlineData(3, "RGB")] [InlineData(4, "RGBA")]
    public void Pillow_DecodesOurFiles(int channels, string mode)
    {
        using var dir = new External.TempDir();
        var image = RandomImage(33, 17, channels, channels);
        string path = dir.File("ours.png");
        image.Save(path);
        string output = External.RunPython("""
            import sys
            from PIL import Image
            im = Image.open(sys.argv[1]); im.load()
            print(im.mode, im.size[0], im.size[1]); print(im.tobytes().hex())
            """, path);
        var lines = output.Split('\n');
        Assert.Equal($"{mode} 33 17", lines[0].Trim());
        Assert.Equal(Convert.ToHexStringLower(image.Pixels), lines[1].Trim());

        var smooth = Gradient(33, 17, channels);
        smooth.Save(path);
        lines = External.RunPython("""
            import sys
            from PIL import Image
            print(Image.open(sys.argv[1]).tobytes().hex())
            """, path).Split('\n');
        Assert.Equal(Convert.ToHexStringLower(smooth.Pixels), lines[0].Trim());
    }

    [Theory]
    [InlineData("L", 1)] [InlineData("LA", 2)] [InlineData("RGB", 3)] [InlineData("RGBA", 4)]
    [InlineData("P", 3)] [InlineData("P16", 3)] [InlineData("PA", 4)] [InlineData("1", 1)]
    public void WeDecodePillowFiles(string mode, int expectedChannels)
    {
        using var dir = new External.TempDir();
        string path = dir.File("pil.png");
        // Pillow writes the file, and the pixels as it sees them expanded to L/LA/RGB/RGBA, in hex.
        string expectedHex = External.RunPython("""
            import sys, random
            from PIL import Image
            mode, path = sys.argv[1], sys.argv[2]
            random.seed(5)
            w, h = 13, 7
            if mode.startswith("P"):
                colors = 16 if mode == "P16" else 200
                im = Image.new("P", (w, h))
                im.putpalette([random.randrange(256) for _ in range(3 * colors)])
                im.putdata([random.randrange(colors) for _ in range(w * h)])
                if mode == "PA":
                    im.info["transparency"] = bytes(random.randrange(256) for _ in range(colors))
                im.save(path, optimize=False, **({"transparency": im.info["transparency"]} if mode == "PA" else {}))
                back = Image.open(path).convert("RGBA" if mode == "PA" else "RGB")
            else:
                bands = {"1": 1, "L": 1, "LA": 2, "RGB": 3, "RGBA": 4}[mode]
                im = Image.frombytes(mode if mode != "1" else "L", (w, h), bytes(random.randrange(256) for _ in range(w * h * bands)))
                if mode == "1":
                    im = im.convert("1")
                im.save(path)
                back = Image.open(path).convert("L" if mode == "1" else mode)
            print(back.tobytes().hex())
            """, mode, path).Trim();
        var image = Png.Load(path);
        Assert.Equal((13, 7, expectedChannels), (image.Width, image.Height, image.Channels));
        Assert.Equal(expectedHex, Convert.ToHexStringLower(image.Pixels));
    }

    [Fact]
    public void WeDecodePillowFiles_WithSeveralIdatChunksAndTextChunks()
    {
        using var dir = new External.TempDir();
        string path = dir.File("big.png");
        // 300x200 random RGB does not compress, so Pillow splits the data over several 64 KiB IDAT chunks.
        string expectedHex = External.RunPython("""
            import sys, random
            from PIL import Image, PngImagePlugin
            random.seed(9)
            im = Image.frombytes("RGB", (300, 200), bytes(random.randrange(256) for _ in range(300 * 200 * 3)))
            info = PngImagePlugin.PngInfo(); info.add_text("Comment", "ancillary chunks are skipped")
            im.save(sys.argv[1], pnginfo=info)
            print(im.tobytes().hex())
            """, path).Trim();
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(CountChunks(bytes, "IDAT") > 1, "expected a file with several IDAT chunks");
        Assert.Equal(1, CountChunks(bytes, "tEXt"));
        Assert.Equal(expectedHex, Convert.ToHexStringLower(Png.Decode(bytes).Pixels));
    }

    [Fact]
    public void PillowSixteenBitFile_GivesAClearError()
    {
        // Pillow cannot write interlaced PNGs; that case is covered by Decode_InterlacedAnd16Bit_AreRejectedClearly.
        using var dir = new External.TempDir();
        string path = dir.File("deep.png");
        External.RunPython("""
            import sys
            from PIL import Image
            Image.new("I;16", (9, 9), 1000).save(sys.argv[1])
            """, path);
        var e = Assert.Throws<InvalidDataException>(() => Png.Load(path));
        Assert.Equal($"{path}: 16-bit PNGs are not supported; save the image with 8 bits per channel.", e.Message);
    }

    private static int CountChunks(byte[] png, string type)
    {
        int count = 0;
        for (int pos = 8; pos + 8 <= png.Length; pos += 12 + BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos)))
            if (System.Text.Encoding.ASCII.GetString(png, pos + 4, 4) == type) count++;
        return count;
    }

    // ------------------------------------------------------------ errors

    [Fact]
    public void Decode_BadSignature_SaysSo()
    {
        byte[] png = RandomImage(2, 2, 3, 1).ToPngBytes();
        png[1] = (byte)'X';
        var e = Assert.Throws<InvalidDataException>(() => Png.Decode(png, "cat.png"));
        Assert.Contains("cat.png", e.Message);
        Assert.Contains("signature", e.Message);
    }

    [Fact]
    public void Decode_BadCrc_NamesTheChunk()
    {
        byte[] png = RandomImage(2, 2, 3, 1).ToPngBytes();
        png[8 + 8 + 2] ^= 1;                           // a byte of the IHDR width
        var e = Assert.Throws<InvalidDataException>(() => Png.Decode(png, "cat.png"));
        Assert.Contains("cat.png", e.Message);
        Assert.Contains("CRC mismatch in chunk IHDR", e.Message);

        png = RandomImage(2, 2, 3, 1).ToPngBytes();
        png[8 + 25 + 8] ^= 0xFF;                       // first byte of IDAT data
        e = Assert.Throws<InvalidDataException>(() => Png.Decode(png));
        Assert.Contains("CRC mismatch in chunk IDAT", e.Message);
    }

    [Fact]
    public void Decode_TruncatedFile_SaysTruncated()
    {
        byte[] png = RandomImage(5, 5, 3, 1).ToPngBytes();
        var e = Assert.Throws<InvalidDataException>(() => Png.Decode(png[..(png.Length - 20)], "cut.png"));
        Assert.Contains("cut.png: truncated file", e.Message);
        e = Assert.Throws<InvalidDataException>(() => Png.Decode(png[..(png.Length - 12)]));
        Assert.Contains("before the IEND chunk", e.Message);
    }

    private static byte[] WithHeaderByte(int index, byte value)
    {
        byte[] png = RandomImage(2, 2, 3, 1).ToPngBytes();
        png[16 + index] = value;
        uint crc = Crc32.Compute(png.AsSpan(12, 17));
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), crc);
        return png;
    }

    [Fact]
    public void Decode_InterlacedAnd16Bit_AreRejectedClearly()
    {
        var e = Assert.Throws<InvalidDataException>(() => Png.Decode(WithHeaderByte(12, 1), "scan.png"));
        Assert.Equal("scan.png: interlaced (Adam7) PNGs are not supported; save the image without interlacing.", e.Message);
        e = Assert.Throws<InvalidDataException>(() => Png.Decode(WithHeaderByte(8, 16), "deep.png"));
        Assert.Contains("deep.png: 16-bit PNGs are not supported", e.Message);
    }
}
