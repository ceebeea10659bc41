using Course.Torch;
using static Course.Torch.torch;
using static Course.Torch.torchvision;

namespace Course.Torch.Tests;

[Collection(GlobalState.Name)]
public class TransformTests
{
    static FixtureCase Case(string name) => Fixtures.Load("data")[name];

    static double[] Doubles(System.Text.Json.JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    [Theory]
    [InlineData("normalize")]
    [InlineData("normalize_batch")]
    public void Normalize_matches_pytorch(string name)
    {
        var c = Case(name);
        Fixtures.AssertClose(c.Out(0), transforms.Normalize(Doubles(c.Arg("means")), Doubles(c.Arg("stdevs"))).call(c.In(0)));
    }

    [Fact]
    public void Normalize_names_the_shape_when_channels_differ()
    {
        var e = Assert.Throws<ArgumentException>(() => transforms.Normalize([0.5], [0.5]).call(zeros(3, 4, 4)));
        Assert.Contains("[3, 4, 4]", e.Message);
    }

    [Theory]
    [InlineData("center_crop_4x5")]
    [InlineData("center_crop_6x4")]
    public void CenterCrop_matches_pytorch(string name)
    {
        var c = Case(name);
        Fixtures.AssertClose(c.Out(0), transforms.CenterCrop(c.Arg("h").GetInt32(), c.Arg("w").GetInt32()).call(c.In(0)));
    }

    [Fact]
    public void CenterCrop_larger_than_the_image_pads_with_zeros()
    {
        var r = transforms.CenterCrop(4).call(ones(1, 2, 2));
        Assert.Equal(4.0, r.sum().item<float>());
        Assert.Equal(1f, r[0, 1, 1].item<float>());
        Assert.Equal(0f, r[0, 0, 0].item<float>());
    }

    [Fact]
    public void Flips_match_pytorch()
    {
        Fixtures.AssertClose(Case("hflip").Out(0), transforms.HorizontalFlip().call(Case("hflip").In(0)));
        Fixtures.AssertClose(Case("vflip").Out(0), transforms.VerticalFlip().call(Case("vflip").In(0)));
        var img = Case("hflip").In(0);
        Fixtures.AssertClose(Case("hflip").Out(0), transforms.RandomHorizontalFlip(1.0).call(img));
        Fixtures.AssertClose(img, transforms.RandomHorizontalFlip(0.0).call(img));
    }

    [Theory]
    [InlineData("blur_3_1.0")]
    [InlineData("blur_5x3_0.7")]
    public void GaussianBlur_matches_torchvisions_algorithm(string name)
    {
        var c = Case(name);
        var blur = transforms.GaussianBlur([c.Arg("kx").GetInt64(), c.Arg("ky").GetInt64()], (float)c.Arg("sigma").GetDouble());
        Fixtures.AssertClose(c.Out(0), blur.call(c.In(0)));
    }

    [Fact]
    public void GaussianBlur_rejects_even_kernels()
    {
        var e = Assert.Throws<ArgumentException>(() => transforms.GaussianBlur(4, 1.0f));
        Assert.Contains("odd", e.Message);
    }

    public static IEnumerable<object[]> ResizeCases() => Fixtures.Names("data").Where(n => ((string)n[0]).StartsWith("resize_"));

    [Theory]
    [MemberData(nameof(ResizeCases))]
    public void Resize_matches_interpolate_without_antialias(string name)
    {
        var c = Case(name);
        var mode = name.Contains("bilinear") ? InterpolationMode.Bilinear : InterpolationMode.Nearest;
        Fixtures.AssertClose(c.Out(0), transforms.Resize(c.Arg("h").GetInt32(), c.Arg("w").GetInt32(), mode).call(c.In(0)));
    }

    [Fact]
    public void Resize_with_one_size_matches_the_smaller_edge()
    {
        Assert.Equal(new long[] { 3, 14, 18 }, transforms.Resize(14).call(zeros(3, 7, 9)).shape);
        Assert.Equal(new long[] { 3, 12, 10 }, transforms.Resize(10, InterpolationMode.Bilinear, maxSize: 12).call(zeros(3, 9, 7)).shape);
    }

    [Fact]
    public void Random_transforms_repeat_under_manual_seed()
    {
        var img = rand(3, 12, 12);
        var augment = transforms.Compose(
            transforms.RandomResizedCrop(8), transforms.RandomHorizontalFlip(), transforms.RandomRotation(30, InterpolationMode.Bilinear),
            transforms.ColorJitter(0.4f, 0.4f, 0.4f), transforms.RandomCrop(8, padding: 2));
        manual_seed(11);
        var a = augment.call(img);
        var b = augment.call(img);
        manual_seed(11);
        Fixtures.AssertClose(a, augment.call(img));
        Assert.Equal(new long[] { 3, 8, 8 }, a.shape);
        Assert.False(a.eq(b).all().item<bool>());
    }

    [Fact]
    public void RandomCrop_returns_a_window_of_the_zero_padded_image()
    {
        var img = arange(1, 26).reshape(1, 5, 5).to(ScalarType.Float32);
        for (int trial = 0; trial < 10; trial++)
        {
            var r = transforms.RandomCrop(5, padding: 1).call(img);
            // Every nonzero value sits one step from its neighbour in the original grid layout.
            var values = r.data<float>().ToArray();
            var firstNonZero = Array.FindIndex(values, v => v != 0);
            int row = firstNonZero / 5, col = firstNonZero % 5, v0 = (int)values[firstNonZero] - 1;
            for (int y = row; y < 5; y++)
                for (int x = col; x < 5; x++)
                {
                    int sy = v0 / 5 + y - row, sx = v0 % 5 + x - col;
                    float expected = sy < 5 && sx < 5 ? sy * 5 + sx + 1 : 0;
                    Assert.Equal(expected, values[y * 5 + x]);
                }
        }
        Assert.Throws<ArgumentException>(() => transforms.RandomCrop(8).call(img));
    }

    [Fact]
    public void Rotation_by_90_degrees_turns_the_image_counter_clockwise()
    {
        var img = arange(9).reshape(1, 3, 3).to(ScalarType.Float32);
        // out[y][x] = in[x][n-1-y], numpy's rot90.
        var expected = tensor(new float[] { 2, 5, 8, 1, 4, 7, 0, 3, 6 }, [1, 3, 3]);
        Fixtures.AssertClose(expected, transforms.RandomRotation((90, 90)).call(img));
        Fixtures.AssertClose(expected, transforms.RandomRotation((90, 90), InterpolationMode.Bilinear).call(img), atol: 1e-5);
        Fixtures.AssertClose(img, transforms.RandomRotation(0).call(img));
        var filled = transforms.RandomRotation((45, 45), fill: [7f]).call(zeros(1, 5, 5));
        Assert.Equal(7f, filled[0, 0, 0].item<float>());
        Assert.Equal(0f, filled[0, 2, 2].item<float>());
    }

    [Fact]
    public void ColorJitter_applies_the_documented_formulas()
    {
        var img = rand(3, 4, 4) * 0.5;
        Fixtures.AssertClose((img * 1.5).clamp(0, 1), transforms.ColorJitter((1.5f, 1.5f), (1, 1), (1, 1), (0, 0)).call(img));
        var gray = img[0] * 0.2989 + img[1] * 0.587 + img[2] * 0.114;
        var noContrast = transforms.ColorJitter((1, 1), (0, 0), (1, 1), (0, 0)).call(img);
        Fixtures.AssertClose(full_like(img, gray.mean().item<float>()), noContrast);
        var noSaturation = transforms.ColorJitter((1, 1), (1, 1), (0, 0), (0, 0)).call(img);
        Fixtures.AssertClose(stack([gray, gray, gray]), noSaturation);
        var single = rand(1, 4, 4);
        Fixtures.AssertClose(single, transforms.ColorJitter((1, 1), (1, 1), (0, 0), (0, 0)).call(single));
        var e = Assert.Throws<ArgumentException>(() => transforms.ColorJitter(0.5f).call(zeros(2, 4, 4)));
        Assert.Contains("[2, 4, 4]", e.Message);
    }
}
