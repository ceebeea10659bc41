using Course.Kit.Images;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit.Tests;

public class TensorImageTests
{
    /// <summary>The picture after a round trip through the PNG codec, as a reader of the file would see it.</summary>
    static Image Decoded(Image image) => Png.Decode(image.ToPngBytes());

    [Fact]
    public void Float_values_in_zero_to_one_become_gray_levels_as_they_are()
    {
        var picture = Decoded(tensor(new float[,] { { 0f, 0.5f, 1f }, { 1f, 0.25f, 0f } }).ToImage(scale: 1));
        Assert.Equal((3, 2, 1), (picture.Width, picture.Height, picture.Channels));
        Assert.Equal(new byte[] { 0, 128, 255, 255, 64, 0 }, picture.Pixels);
    }

    [Fact]
    public void Values_outside_zero_to_one_are_stretched_min_to_max()
    {
        var picture = Decoded(tensor(new double[,] { { -1, 0, 3 } }).ToImage(scale: 1));
        Assert.Equal(new byte[] { 0, 64, 255 }, picture.Pixels);
    }

    [Fact]
    public void Uint8_pixels_keep_their_values()
    {
        var picture = Decoded(tensor(new byte[,] { { 0, 7, 200 } }).ToImage(scale: 1));
        Assert.Equal(new byte[] { 0, 7, 200 }, picture.Pixels);
    }

    [Fact]
    public void Three_channels_make_an_RGB_picture()
    {
        // [3, 1, 2]: pixel 0 is pure red, pixel 1 pure blue.
        var rgb = tensor(new float[] { 1, 0, 0, 0, 0, 1 }).reshape(3, 1, 2);
        var picture = Decoded(rgb.ToImage(scale: 1));
        Assert.Equal(3, picture.Channels);
        Assert.Equal(new byte[] { 255, 0, 0, 0, 0, 255 }, picture.Pixels);
    }

    [Fact]
    public void A_diverging_map_puts_zero_at_its_centre()
    {
        var picture = Decoded(tensor(new float[,] { { -2, 0, 1 } }).ToImage(ColorMap.Coolwarm, scale: 1));
        Assert.Equal(3, picture.Channels);
        Assert.Equal(ColorMap.Coolwarm[0], (picture[0, 0, 0], picture[0, 0, 1], picture[0, 0, 2]));
        Assert.Equal(ColorMap.Coolwarm[0.5], (picture[1, 0, 0], picture[1, 0, 1], picture[1, 0, 2]));
        Assert.Equal(ColorMap.Coolwarm[0.75], (picture[2, 0, 0], picture[2, 0, 1], picture[2, 0, 2]));
    }

    [Fact]
    public void Viridis_colours_a_one_channel_tensor()
    {
        var picture = Decoded(tensor(new float[] { 0, 1 }).reshape(1, 1, 2).ToImage(ColorMap.Viridis, scale: 1));
        Assert.Equal(ColorMap.Viridis[0], (picture[0, 0, 0], picture[0, 0, 1], picture[0, 0, 2]));
        Assert.Equal(ColorMap.Viridis[1], (picture[1, 0, 0], picture[1, 0, 1], picture[1, 0, 2]));
    }

    [Fact]
    public void Tiny_pictures_are_enlarged_by_nearest_neighbour()
    {
        var digit = zeros(28, 28);
        digit[3, 5] = tensor(1f);
        var picture = Decoded(digit.ToImage());
        Assert.Equal((112, 112), (picture.Width, picture.Height));
        // Pixel (x = 5, y = 3) became the 4×4 block at x 20..23, y 12..15.
        for (int y = 0; y < 112; y++)
            for (int x = 0; x < 112; x++)
                Assert.Equal(x / 4 == 5 && y / 4 == 3 ? 255 : 0, picture[x, y]);
    }

    [Fact]
    public void Shared_normalization_keeps_brightness_comparable_across_a_batch()
    {
        var batch = tensor(new float[] { 0, 2, 0, 4 }).reshape(2, 1, 1, 2);
        var own = batch.ToImageGrid(scale: 1).Cells.Select(c => c.Image.Pixels[1]).ToArray();
        var shared = batch.ToImageGrid(scale: 1, sharedNormalization: true).Cells.Select(c => c.Image.Pixels[1]).ToArray();
        Assert.Equal(new byte[] { 255, 255 }, own);
        Assert.Equal(new byte[] { 128, 255 }, shared);
    }

    [Fact]
    public void Strided_views_and_float64_read_like_contiguous_tensors()
    {
        var t = tensor(new double[,] { { 0, 1 }, { 0.5, 0.25 } }).t();
        Assert.Equal(new byte[] { 0, 128, 255, 64 }, Decoded(t.ToImage(scale: 1)).Pixels);
    }

    [Theory]
    [InlineData(new long[] { 2, 28, 28 }, "[2, 28, 28]")]
    [InlineData(new long[] { 28, 28, 3 }, "[28, 28, 3]")]
    [InlineData(new long[] { 784 }, "[784]")]
    [InlineData(new long[] { 4, 2, 8, 8 }, "[4, 2, 8, 8]")]
    public void Shapes_that_are_not_pictures_are_rejected_by_name(long[] shape, string named)
    {
        var error = Assert.Throws<ArgumentException>(() => zeros(shape).ToImage());
        Assert.Contains(named, error.Message);
        Assert.Contains("C = 1 (gray) or 3 (RGB)", error.Message);
    }

    [Fact]
    public void A_colour_map_on_an_RGB_tensor_is_an_error()
    {
        var error = Assert.Throws<ArgumentException>(() => zeros(3, 4, 4).ToImage(ColorMap.Viridis));
        Assert.Contains("[3, 4, 4]", error.Message);
    }

    [Fact]
    public void A_batch_as_one_image_is_its_grid()
    {
        var image = ones(3, 1, 10, 10).ToImage(scale: 1);
        Assert.Equal((3 * 10 + 4 * 2, 10 + 2 * 2), (image.Width, image.Height));
    }
}
