namespace Course.Kit.Images;

/// <summary>Pixel operations for grids and boxes: pasting one picture into another and drawing rectangles.</summary>
internal static class ImageDrawing
{
    /// <summary>
    /// Copies <paramref name="picture"/> into <paramref name="canvas"/> with its top-left corner at (left, top).
    /// A gray picture on an RGB canvas is repeated into the three channels; alpha is dropped.
    /// </summary>
    public static void Paste(Image canvas, Image picture, int left, int top)
    {
        for (int y = 0; y < picture.Height; y++)
            for (int x = 0; x < picture.Width; x++)
                for (int c = 0; c < canvas.Channels; c++)
                    canvas[left + x, top + y, c] = picture[x, y, SourceChannel(picture.Channels, c)];
    }

    /// <summary>Which channel of a picture with <paramref name="channels"/> channels feeds canvas channel <paramref name="c"/>.</summary>
    static int SourceChannel(int channels, int c) => channels <= 2 ? 0 : Math.Min(c, 2);

    /// <summary>
    /// Draws the outline of the rectangle covering columns [x0, x1) and rows [y0, y1) into an RGB image: the outermost
    /// <paramref name="lineWidth"/> pixels inside it. Parts outside the image are skipped.
    /// </summary>
    public static void Rectangle(Image rgb, int x0, int y0, int x1, int y1, (byte r, byte g, byte b) color, int lineWidth)
    {
        for (int y = Math.Max(y0, 0); y < Math.Min(y1, rgb.Height); y++)
            for (int x = Math.Max(x0, 0); x < Math.Min(x1, rgb.Width); x++)
            {
                bool onEdge = x < x0 + lineWidth || x >= x1 - lineWidth || y < y0 + lineWidth || y >= y1 - lineWidth;
                if (!onEdge) continue;
                (rgb[x, y, 0], rgb[x, y, 1], rgb[x, y, 2]) = color;
            }
    }
}
