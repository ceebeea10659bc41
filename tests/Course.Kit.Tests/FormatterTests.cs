using System.Text.RegularExpressions;
using Course.Kit.Display.Formatters;
using Course.Kit.Images;
using Course.Torch;
using Microsoft.DotNet.Interactive.Formatting;
using static Course.Torch.torch;

namespace Course.Kit.Tests;

/// <summary>
/// Notebook display through the real Microsoft.DotNet.Interactive.Formatting package, which finds our formatters by
/// the convention attribute's name exactly as the Polyglot kernel does.
/// </summary>
public class FormatterTests
{
    static string Html(object value) => value.ToDisplayString("text/html");
    static string Plain(object value) => value.ToDisplayString("text/plain");

    static Image FirstPicture(string html) =>
        Png.Decode(Convert.FromBase64String(Regex.Match(html, "data:image/png;base64,([^\"]+)").Groups[1].Value));

    [Fact]
    public void Tensors_prefer_html_and_keep_TorchSharp_plain_text()
    {
        var t = tensor(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal("text/html", Formatter.GetPreferredMimeTypesFor(typeof(Tensor)).First());
        Assert.Equal(t.ToString(Course.Torch.TensorStringStyle.Default), Plain(t));
    }

    [Fact]
    public void A_small_tensor_is_a_table_under_its_metadata()
    {
        var html = Html(tensor(new float[,] { { 1.5f, 2, 3 }, { 4, 5, -6 } }));
        Assert.Equal(TensorHtml.Format(tensor(new float[,] { { 1.5f, 2, 3 }, { 4, 5, -6 } })), html);
        Assert.Contains("[2x3], type = Float32, device = cpu", html);
        Assert.Contains("<th>2</th>", html);
        Assert.Contains("<td style=\"text-align: right\">1.5</td>", html);
        Assert.Contains("<td style=\"text-align: right\">-6</td>", html);
        Assert.DoesNotContain("<img", html);
    }

    [Fact]
    public void Bool_and_int64_tensors_show_their_values()
    {
        var mask = Html(tensor(new[] { true, false }));
        Assert.Contains("type = Bool", mask);
        Assert.Contains(">true</td>", mask);
        Assert.Contains(">false</td>", mask);
        var labels = Html(tensor(new long[] { 7, 42 }));
        Assert.Contains("type = Int64", labels);
        Assert.Contains(">42</td>", labels);
    }

    [Fact]
    public void Autograd_state_is_in_the_header()
    {
        var x = ones(2, requires_grad: true);
        Assert.Contains("requires_grad = True", Html(x));
        var y = x * 2;
        Assert.Contains("grad_fn = MulBackward0", Html(y));
        Assert.DoesNotContain("requires_grad", Html(ones(2)));
    }

    [Fact]
    public void An_image_shaped_tensor_is_a_picture()
    {
        var digit = rand(1, 28, 28);
        var picture = FirstPicture(Html(digit));
        Assert.Equal((112, 112, 1), (picture.Width, picture.Height, picture.Channels));
        Assert.Equal(digit.ToImage().Pixels, picture.Pixels);
    }

    [Fact]
    public void Signed_kernels_are_a_grid_in_the_diverging_map()
    {
        var kernels = randn(16, 1, 5, 5);
        var html = Html(kernels);
        Assert.Equal(16, html.Split("<img src=\"data:image/png;base64,").Length - 1);
        Assert.Equal(3, FirstPicture(html).Channels); // coloured, not gray
    }

    [Fact]
    public void A_large_batch_shows_its_first_pictures()
    {
        var html = Html(rand(100, 3, 8, 8));
        Assert.Equal(TensorHtml.PictureLimit, html.Split("<img src=\"data:image/png;base64,").Length - 1);
        Assert.Contains($"first {TensorHtml.PictureLimit} of 100 pictures", html);
    }

    [Fact]
    public void A_large_tensor_is_summarized_with_NaN_and_Inf_counts_and_a_histogram()
    {
        var values = Enumerable.Range(0, 1000).Select(i => (float)i).ToArray();
        values[10] = float.NaN;
        values[11] = float.PositiveInfinity;
        values[12] = float.NegativeInfinity;
        var html = Html(tensor(values));
        Assert.Contains("<th>NaN</th><th>±Inf</th>", html);
        Assert.Contains("<td style=\"text-align: right\">0</td><td style=\"text-align: right\">999</td>", html); // min, max of the finite values
        Assert.Contains("<td style=\"text-align: right\">1</td><td style=\"text-align: right\">2</td></tr>", html); // 1 NaN, 2 infinities
        var histogram = FirstPicture(html);
        Assert.Equal(TensorStatistics.Bins * 4, histogram.Width);
    }

    [Fact]
    public void Statistics_match_torch_for_mean_and_sample_std()
    {
        var t = tensor(new double[] { 1, 2, 3, 4 });
        var stats = TensorStatistics.Of(t);
        Assert.Equal((1, 4, 2.5), (stats.Min, stats.Max, stats.Mean));
        Assert.Equal(t.std().item<double>(), stats.Std, 12);
        Assert.Equal(1, stats.Histogram[0]);
        Assert.Equal(1, stats.Histogram[^1]);
    }

    [Fact]
    public void A_large_int64_tensor_is_summarized_too()
    {
        var html = Html(arange(500));
        Assert.Contains("type = Int64", html);
        Assert.Contains("<th>mean</th>", html);
    }

    [Fact]
    public void A_module_shows_its_layer_summary()
    {
        var model = nn.Sequential(nn.Linear(4, 3), nn.ReLU());
        Assert.Equal(Summary.Of(model).ToHtml(), Html(model));
        Assert.Contains("Total params: 15", Plain(model));
    }

    [Fact]
    public void Kit_types_display_as_their_own_html()
    {
        var image = new Image(2, 2, 1);
        Assert.Equal(image.ToHtml(), Html(image));
        var grid = rand(2, 1, 8, 8).ToImageGrid();
        Assert.Equal(grid.ToHtml(), Html(grid));
        var summary = Summary.Of(nn.Linear(2, 2));
        Assert.Equal(summary.ToHtml(), Html(summary));
        Assert.Equal(summary.ToString(), Plain(summary));
        var boxed = new BoxedImage(image, [new Box(0, 0, 1, 1, "x")]);
        Assert.Equal(boxed.ToHtml(), Html(boxed));
        Assert.Contains("Plotly.newPlot", Html(new Course.Kit.Plots.Figure()));
    }
}
