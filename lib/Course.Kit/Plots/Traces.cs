using System.Text.Json.Serialization;

namespace Course.Kit.Plots;

/// <summary>
/// One data series of a <see cref="Figure"/>. Subclasses are the Plotly trace types; set their
/// properties with an object initializer: <c>new Scatter { X = xs, Y = ys, Name = "train" }</c>.
/// </summary>
public abstract class Trace
{
    /// <summary>The Plotly trace type, such as <c>scatter</c> or <c>heatmap</c>.</summary>
    [JsonPropertyOrder(-1)]
    public abstract string Type { get; }

    /// <summary>Name shown in the legend and on hover.</summary>
    public string? Name { get; set; }

    /// <summary>Whether the trace appears in the legend.</summary>
    public bool? ShowLegend { get; set; }

    /// <summary>Opacity from 0 (invisible) to 1.</summary>
    public double? Opacity { get; set; }

    /// <summary>The x axis this trace uses: <c>x</c> (default), <c>x2</c>, … for subplots (see <see cref="Grid.Axes"/>).</summary>
    public string? XAxis { get; set; }

    /// <summary>The y axis this trace uses: <c>y</c> (default), <c>y2</c>, … for subplots.</summary>
    public string? YAxis { get; set; }

    /// <summary>Hover text, one per point, or one string for all.</summary>
    public Values? Text { get; set; }
}

/// <summary>
/// Points joined by lines or drawn as markers (Plotly <c>scatter</c>). <see cref="Mode"/> picks
/// <c>lines</c> (a line chart), <c>markers</c> (a scatter plot), <c>lines+markers</c> or <c>text</c>.
/// </summary>
public sealed class Scatter : Trace
{
    /// <inheritdoc/>
    public override string Type => "scatter";

    /// <summary>x coordinates (numbers or categories).</summary>
    public Values? X { get; set; }

    /// <summary>y coordinates.</summary>
    public Values? Y { get; set; }

    /// <summary><c>lines</c>, <c>markers</c>, <c>lines+markers</c>, <c>text</c>; Plotly's default depends on the point count.</summary>
    public string? Mode { get; set; }

    /// <summary>Line colour, width and dash.</summary>
    public Line? Line { get; set; }

    /// <summary>Marker colour, size and symbol.</summary>
    public Marker? Marker { get; set; }

    /// <summary>Area fill such as <c>tozeroy</c> or <c>tonexty</c> (for error bands).</summary>
    public string? Fill { get; set; }
}

/// <summary>Bars (Plotly <c>bar</c>): one bar per category in <see cref="X"/> with height <see cref="Y"/>.</summary>
public sealed class Bar : Trace
{
    /// <inheritdoc/>
    public override string Type => "bar";

    /// <summary>Categories or positions.</summary>
    public Values? X { get; set; }

    /// <summary>Bar heights.</summary>
    public Values? Y { get; set; }

    /// <summary><c>v</c> (default) or <c>h</c> for horizontal bars (then X holds lengths and Y categories).</summary>
    public string? Orientation { get; set; }

    /// <summary>Bar colours.</summary>
    public Marker? Marker { get; set; }
}

/// <summary>A histogram (Plotly <c>histogram</c>): Plotly bins the raw samples in <see cref="X"/>.</summary>
public sealed class Histogram : Trace
{
    /// <inheritdoc/>
    public override string Type => "histogram";

    /// <summary>The samples.</summary>
    public Values? X { get; set; }

    /// <summary>Maximum number of bins.</summary>
    public int? NBinsX { get; set; }

    /// <summary>Empty for counts, or <c>probability</c>, <c>percent</c>, <c>density</c>, <c>probability density</c>.</summary>
    public string? HistNorm { get; set; }

    /// <summary>Bar colour.</summary>
    public Marker? Marker { get; set; }
}

/// <summary>A grid of coloured cells (Plotly <c>heatmap</c>), e.g. a confusion matrix or a weight matrix.</summary>
public sealed class Heatmap : Trace
{
    /// <inheritdoc/>
    public override string Type => "heatmap";

    /// <summary>Values by row: <c>Z[row][column]</c>. Row 0 is drawn at the bottom unless the y axis is reversed.</summary>
    public double[][]? Z { get; set; }

    /// <summary>Column coordinates or labels.</summary>
    public Values? X { get; set; }

    /// <summary>Row coordinates or labels.</summary>
    public Values? Y { get; set; }

    /// <summary>Colour scale.</summary>
    public ColorScale? ColorScale { get; set; }

    /// <summary>Value mapped to the low end of the scale.</summary>
    public double? ZMin { get; set; }

    /// <summary>Value mapped to the high end of the scale.</summary>
    public double? ZMax { get; set; }

    /// <summary>Value mapped to the middle of the scale; 0 centres a diverging scale for signed data.</summary>
    public double? ZMid { get; set; }

    /// <summary>Whether the colour bar is shown.</summary>
    public bool? ShowScale { get; set; }

    /// <summary>Text drawn in each cell, e.g. <c>%{z}</c> to print counts.</summary>
    public string? TextTemplate { get; set; }
}

/// <summary>Contour lines or filled contours of a function on a grid (Plotly <c>contour</c>), e.g. a loss surface.</summary>
public sealed class Contour : Trace
{
    /// <inheritdoc/>
    public override string Type => "contour";

    /// <summary>Function values by row: <c>Z[i][j] = f(X[j], Y[i])</c>.</summary>
    public double[][]? Z { get; set; }

    /// <summary>Grid x coordinates (columns).</summary>
    public Values? X { get; set; }

    /// <summary>Grid y coordinates (rows).</summary>
    public Values? Y { get; set; }

    /// <summary>Colour scale.</summary>
    public ColorScale? ColorScale { get; set; }

    /// <summary>Maximum number of contour levels.</summary>
    public int? NContours { get; set; }

    /// <summary>Colouring and labels of the levels.</summary>
    public Contours? Contours { get; set; }

    /// <summary>Whether the colour bar is shown.</summary>
    public bool? ShowScale { get; set; }
}

/// <summary>How contour levels are drawn.</summary>
public sealed class Contours
{
    /// <summary><c>fill</c> (default), <c>heatmap</c>, <c>lines</c> or <c>none</c>.</summary>
    public string? Coloring { get; set; }

    /// <summary>Whether each line is labelled with its level.</summary>
    public bool? ShowLabels { get; set; }
}

/// <summary>A 3-D surface (Plotly <c>surface</c>); its axes are set in <see cref="Layout.Scene"/>.</summary>
public sealed class Surface : Trace
{
    /// <inheritdoc/>
    public override string Type => "surface";

    /// <summary>Heights by row: <c>Z[i][j] = f(X[j], Y[i])</c>.</summary>
    public double[][]? Z { get; set; }

    /// <summary>Grid x coordinates (columns).</summary>
    public Values? X { get; set; }

    /// <summary>Grid y coordinates (rows).</summary>
    public Values? Y { get; set; }

    /// <summary>Colour scale.</summary>
    public ColorScale? ColorScale { get; set; }

    /// <summary>Whether the colour bar is shown.</summary>
    public bool? ShowScale { get; set; }
}

/// <summary>
/// A picture drawn on the axes (Plotly <c>image</c>), typically from a PNG data URI:
/// <c>new ImageTrace { Source = image.ToDataUri() }</c>. Pixel (0, 0) is the top-left corner.
/// </summary>
public sealed class ImageTrace : Trace
{
    /// <inheritdoc/>
    public override string Type => "image";

    /// <summary>The picture as a data URI (<see cref="Images.Image.ToDataUri"/>) or URL.</summary>
    public string? Source { get; set; }

    /// <summary>x coordinate of the first column's centre (default 0).</summary>
    public double? X0 { get; set; }

    /// <summary>y coordinate of the first row's centre (default 0).</summary>
    public double? Y0 { get; set; }

    /// <summary>Width of one pixel in x units (default 1).</summary>
    public double? Dx { get; set; }

    /// <summary>Height of one pixel in y units (default 1).</summary>
    public double? Dy { get; set; }
}

/// <summary>Line style of a trace.</summary>
public sealed class Line
{
    /// <summary>CSS colour such as <c>crimson</c> or <c>#1f77b4</c>.</summary>
    public string? Color { get; set; }

    /// <summary>Width in pixels.</summary>
    public double? Width { get; set; }

    /// <summary><c>solid</c>, <c>dot</c>, <c>dash</c>, <c>dashdot</c>.</summary>
    public string? Dash { get; set; }
}

/// <summary>Marker style of a trace.</summary>
public sealed class Marker
{
    /// <summary>One CSS colour, or one number per point (coloured through <see cref="ColorScale"/>).</summary>
    public Values? Color { get; set; }

    /// <summary>Diameter in pixels.</summary>
    public double? Size { get; set; }

    /// <summary><c>circle</c>, <c>square</c>, <c>x</c>, <c>star</c>, <c>arrow</c>, ….</summary>
    public string? Symbol { get; set; }

    /// <summary>Colour scale for numeric <see cref="Color"/> values.</summary>
    public ColorScale? ColorScale { get; set; }

    /// <summary>Whether a colour bar is shown for numeric <see cref="Color"/> values.</summary>
    public bool? ShowScale { get; set; }
}
