using Course.Kit.Images;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit.Tests;

public class ImageGridTests
{
    [Fact]
    public void The_composed_grid_has_columns_rows_and_padding()
    {
        var grid = ones(10, 1, 28, 28).ToImageGrid(columns: 4, scale: 1);
        Assert.Equal((4, 3), (grid.Columns, grid.Rows));
        var image = grid.ToImage();
        Assert.Equal((4 * 28 + 5 * 2, 3 * 28 + 4 * 2), (image.Width, image.Height));
        // Picture 5 (row 1, column 1) starts after two paddings and one cell in each direction.
        Assert.Equal(255, image[2 + 30, 2 + 30]);
    }

    [Fact]
    public void Pictures_land_in_their_cells_on_a_white_background()
    {
        // Black pictures: everything between them stays white.
        var image = zeros(3, 1, 2, 2).ToImageGrid(columns: 2, scale: 1).ToImage();
        Assert.Equal((2 * 2 + 3 * 2, 2 * 2 + 3 * 2), (image.Width, image.Height));
        Assert.Equal(0, image[2, 2]);    // picture 0
        Assert.Equal(0, image[6, 3]);    // picture 1
        Assert.Equal(0, image[3, 7]);    // picture 2
        Assert.Equal(255, image[4, 2]);  // padding between pictures 0 and 1
        Assert.Equal(255, image[7, 7]);  // the empty fourth cell
    }

    [Fact]
    public void Gray_and_RGB_pictures_compose_into_an_RGB_grid()
    {
        var grid = new ImageGrid([new Image(2, 2, 1), new Image(2, 2, 3)], padding: 0);
        Assert.Equal(3, grid.ToImage().Channels);
    }

    [Fact]
    public void Classification_captions_show_truth_and_prediction_and_mark_mistakes()
    {
        string[] classes = ["T-shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt"];
        var grid = ImageGrid.Classification(rand(3, 1, 28, 28), tensor(new long[] { 4, 1, 0 }), tensor(new long[] { 6, 1, 0 }), classes);
        Assert.Equal(["true: Coat / pred: Shirt", "true: Trouser / pred: Trouser", "true: T-shirt / pred: T-shirt"], grid.Cells.Select(c => c.Caption));
        Assert.Equal([true, false, false], grid.Cells.Select(c => c.Highlight));

        var html = grid.ToHtml();
        Assert.Contains($"color: {ImageGrid.HighlightColor}\">true: Coat / pred: Shirt</span>", html);
        Assert.Contains("color: inherit\">true: Trouser / pred: Trouser</span>", html);
        Assert.Equal(3, html.Split("<img src=\"data:image/png;base64,").Length - 1);
    }

    [Fact]
    public void Mismatched_labels_are_rejected_with_their_counts()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ImageGrid.Classification(rand(3, 1, 8, 8), tensor(new long[] { 0, 1 }), tensor(new long[] { 0, 1, 1 }), ["a", "b"]));
        Assert.Contains("3 pictures but 2 true labels", error.Message);
        var unknown = Assert.Throws<ArgumentException>(() =>
            ImageGrid.Classification(rand(1, 1, 8, 8), tensor(new long[] { 5 }), tensor(new long[] { 0 }), ["a", "b"]));
        Assert.Contains("class 5", unknown.Message);
        Assert.Throws<ArgumentException>(() => rand(2, 1, 8, 8).ToImageGrid(captions: ["only one"]));
    }

    [Fact]
    public void Saving_writes_a_decodable_png_and_a_page_with_the_captions()
    {
        using var dir = new External.TempDir();
        var grid = rand(2, 3, 8, 8).ToImageGrid(captions: ["left", "right <b>"], scale: 1);
        grid.Save(dir.File("grid.png"));
        grid.SaveHtml(dir.File("grid.html"));
        var png = Png.Load(dir.File("grid.png"));
        Assert.Equal((2 * 8 + 3 * 2, 8 + 2 * 2, 3), (png.Width, png.Height, png.Channels));
        Assert.Contains("right &lt;b&gt;", File.ReadAllText(dir.File("grid.html")));
    }
}
