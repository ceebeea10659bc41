using Course.Kit.Images;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit.Tests;

public class BoxTests
{
    static (byte, byte, byte) At(Image image, int x, int y) => (image[x, y, 0], image[x, y, 1], image[x, y, 2]);

    static readonly (byte, byte, byte) Black = (0, 0, 0);
    static readonly (byte, byte, byte) FirstPaletteColour = (0x1f, 0x77, 0xb4);

    [Fact]
    public void A_box_outlines_the_pixels_it_covers()
    {
        var boxed = new BoxedImage(new Image(10, 10, 1), [new Box(2, 3, 6, 8, "Coat")], lineWidth: 1);
        var image = Png.Decode(boxed.Image.ToPngBytes());
        Assert.Equal(3, image.Channels);
        Assert.Equal(FirstPaletteColour, At(image, 2, 3)); // top-left corner
        Assert.Equal(FirstPaletteColour, At(image, 5, 7)); // bottom-right corner (x1, y1 exclusive)
        Assert.Equal(FirstPaletteColour, At(image, 4, 3)); // top edge
        Assert.Equal(FirstPaletteColour, At(image, 2, 5)); // left edge
        Assert.Equal(Black, At(image, 4, 5));              // inside
        Assert.Equal(Black, At(image, 6, 8));              // just outside
        Assert.Equal(Black, At(image, 1, 3));
    }

    [Fact]
    public void Box_corners_scale_with_the_picture_and_clip_at_its_edges()
    {
        var boxed = new BoxedImage(new Image(4, 4, 1), [new Box(1, 1, 9, 3, Color: "#ff0000")], scale: 2, lineWidth: 1);
        Assert.Equal((8, 8), (boxed.Image.Width, boxed.Image.Height));
        Assert.Equal(((byte)255, (byte)0, (byte)0), At(boxed.Image, 2, 2));
        Assert.Equal(Black, At(boxed.Image, 1, 2));
        Assert.Equal(((byte)255, (byte)0, (byte)0), At(boxed.Image, 4, 5)); // bottom edge: row 2·3 − 1
        Assert.Equal(Black, At(boxed.Image, 4, 4));
    }

    [Fact]
    public void The_html_lists_each_label_in_its_box_colour()
    {
        var boxes = Box.FromTensor(tensor(new float[,] { { 0, 0, 4, 4 }, { 2, 2, 8, 8 } }), ["Bag", "Sneaker"]);
        var html = rand(1, 16, 16).WithBoxes(boxes).ToHtml();
        Assert.Contains($"<span style=\"color: {BoxedImage.Palette[0]}\">■ Bag</span>", html);
        Assert.Contains($"<span style=\"color: {BoxedImage.Palette[1]}\">■ Sneaker</span>", html);
        Assert.Contains("<img src=\"data:image/png;base64,", html);
    }

    [Fact]
    public void A_tensor_picture_with_boxes_is_enlarged_like_any_tensor_picture()
    {
        var boxed = zeros(28, 28).WithBoxes([new Box(0, 0, 28, 28)]);
        Assert.Equal((112, 112), (boxed.Image.Width, boxed.Image.Height));
        Assert.Equal(FirstPaletteColour, At(boxed.Image, 111, 111));
    }

    [Fact]
    public void Bad_box_input_is_rejected_with_the_shape_or_colour()
    {
        Assert.Contains("[3, 5]", Assert.Throws<ArgumentException>(() => Box.FromTensor(zeros(3, 5))).Message);
        Assert.Contains("2 boxes but 1 labels", Assert.Throws<ArgumentException>(() => Box.FromTensor(zeros(2, 4), ["x"])).Message);
        Assert.Contains("\"red\"", Assert.Throws<ArgumentException>(() => new BoxedImage(new Image(2, 2, 1), [new Box(0, 0, 1, 1, Color: "red")])).Message);
        Assert.Contains("[2, 1, 8, 8]", Assert.Throws<ArgumentException>(() => zeros(2, 1, 8, 8).WithBoxes([])).Message);
    }
}
