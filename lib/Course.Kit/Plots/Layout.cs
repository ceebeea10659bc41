using System.Text.Json.Serialization;

namespace Course.Kit.Plots;

/// <summary>Everything about a figure that is not data: titles, axes, legend, annotations, shapes, subplots.</summary>
public sealed class Layout
{
    /// <summary>Figure title.</summary>
    public Title? Title { get; set; }

    /// <summary>The first x axis.</summary>
    public Axis? XAxis { get; set; }

    /// <summary>The first y axis.</summary>
    public Axis? YAxis { get; set; }

    /// <summary>
    /// Further axes by Plotly name (<c>xaxis2</c>, <c>yaxis3</c>, …), used with <see cref="Grid"/> subplots:
    /// <c>Axes = { ["yaxis2"] = new Axis { Type = "log" } }</c>.
    /// </summary>
    [JsonIgnore]
    public Dictionary<string, Axis> Axes { get; } = new();

    /// <summary>Axes of 3-D traces such as <see cref="Surface"/>.</summary>
    public Scene? Scene { get; set; }

    /// <summary>Arranges subplots in rows and columns.</summary>
    public Grid? Grid { get; set; }

    /// <summary>Whether the legend is shown.</summary>
    public bool? ShowLegend { get; set; }

    /// <summary>Legend placement.</summary>
    public Legend? Legend { get; set; }

    /// <summary>Text and arrows placed on the plot.</summary>
    public List<Annotation> Annotations { get; } = new();

    /// <summary>Rectangles, lines and circles drawn on the plot (e.g. detection boxes).</summary>
    public List<Shape> Shapes { get; } = new();

    /// <summary>
    /// Sliders under the plot: each step changes traces or layout when chosen, so a figure can replay a process
    /// (a window sliding over an image, an optimizer's iterations) without a kernel behind it.
    /// </summary>
    public List<Slider> Sliders { get; } = new();

    /// <summary>Figure width in pixels (default: fill the output).</summary>
    public int? Width { get; set; }

    /// <summary>Figure height in pixels.</summary>
    public int? Height { get; set; }

    /// <summary>
    /// How several <see cref="Bar"/> or <see cref="Histogram"/> traces share the axes: <c>group</c> (side by side),
    /// <c>stack</c>, or <c>overlay</c> (on top of each other; give the traces an <see cref="Trace.Opacity"/>).
    /// </summary>
    public string? BarMode { get; set; }
}

/// <summary>One axis: title, scale, range and aspect ratio.</summary>
public sealed class Axis
{
    /// <summary>Axis title.</summary>
    public Title? Title { get; set; }

    /// <summary><c>linear</c>, <c>log</c>, <c>category</c> or <c>date</c>; Plotly guesses when unset.</summary>
    public string? Type { get; set; }

    /// <summary>Visible range [min, max]; for a log axis give log10 of the bounds.</summary>
    public double[]? Range { get; set; }

    /// <summary><c>reversed</c> flips the axis (pictures have row 0 on top).</summary>
    public string? AutoRange { get; set; }

    /// <summary>
    /// Ties this axis's scale to another axis (<c>x</c>), so one unit has the same length on both:
    /// set it on the y axis for an equal aspect ratio.
    /// </summary>
    public string? ScaleAnchor { get; set; }

    /// <summary>Units of this axis per unit of the <see cref="ScaleAnchor"/> axis (default 1).</summary>
    public double? ScaleRatio { get; set; }

    /// <summary>Part of the figure the axis spans, [start, end] in 0..1 (manual subplots).</summary>
    public double[]? Domain { get; set; }

    /// <summary>The axis this one is drawn against (<c>y2</c> for <c>xaxis2</c>, manual subplots).</summary>
    public string? Anchor { get; set; }

    /// <summary>Whether grid lines are drawn.</summary>
    public bool? ShowGrid { get; set; }

    /// <summary>Whether tick labels are shown.</summary>
    public bool? ShowTickLabels { get; set; }

    /// <summary>Whether the zero line is drawn.</summary>
    public bool? ZeroLine { get; set; }
}

/// <summary>The three axes of a 3-D scene.</summary>
public sealed class Scene
{
    /// <summary>x axis.</summary>
    public Axis? XAxis { get; set; }

    /// <summary>y axis.</summary>
    public Axis? YAxis { get; set; }

    /// <summary>z (height) axis.</summary>
    public Axis? ZAxis { get; set; }
}

/// <summary>
/// A grid of subplots. With <c>Pattern = "independent"</c> every cell gets its own axes; put a trace
/// into a cell by setting its <see cref="Trace.XAxis"/> and <see cref="Trace.YAxis"/> from <see cref="Axes"/>.
/// </summary>
public sealed class Grid
{
    /// <summary>Number of rows.</summary>
    public int Rows { get; set; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; set; }

    /// <summary><c>independent</c> (own axes per cell) or <c>coupled</c> (shared x per column, y per row).</summary>
    public string? Pattern { get; set; } = "independent";

    /// <summary><c>top to bottom</c> (default) or <c>bottom to top</c>.</summary>
    public string? RowOrder { get; set; }

    /// <summary>
    /// The axis ids of the cell at <paramref name="row"/>, <paramref name="column"/> (0-based, row 0 on top) in an
    /// independent grid: cells are numbered row by row, cell k uses <c>x{k+1}</c>/<c>y{k+1}</c> and the first is <c>x</c>/<c>y</c>.
    /// </summary>
    public (string X, string Y) Axes(int row, int column)
    {
        if (row < 0 || row >= Rows || column < 0 || column >= Columns)
            throw new ArgumentOutOfRangeException(nameof(row), $"Cell ({row}, {column}) is outside a {Rows}x{Columns} grid.");
        int k = row * Columns + column + 1;
        return k == 1 ? ("x", "y") : ($"x{k}", $"y{k}");
    }
}

/// <summary>Legend placement.</summary>
public sealed class Legend
{
    /// <summary>Horizontal position in 0..1 of the plot area (may exceed 1 to sit outside).</summary>
    public double? X { get; set; }

    /// <summary>Vertical position in 0..1.</summary>
    public double? Y { get; set; }

    /// <summary><c>v</c> (default) or <c>h</c>.</summary>
    public string? Orientation { get; set; }
}

/// <summary>Font settings.</summary>
public sealed class Font
{
    /// <summary>Size in points.</summary>
    public double? Size { get; set; }

    /// <summary>CSS colour.</summary>
    public string? Color { get; set; }

    /// <summary>CSS font family.</summary>
    public string? Family { get; set; }
}

/// <summary>
/// Text at a point, optionally with an arrow. With <see cref="AxRef"/>/<see cref="AyRef"/> set to an axis
/// (<c>x</c>, <c>y</c>), the arrow's tail (<see cref="Ax"/>, <see cref="Ay"/>) is in data coordinates,
/// which is how optimizer steps are drawn.
/// </summary>
public sealed class Annotation
{
    /// <summary>Text (may be empty for a bare arrow).</summary>
    public string? Text { get; set; }

    /// <summary>x of the point the annotation refers to (the arrow head).</summary>
    public double X { get; set; }

    /// <summary>y of the point the annotation refers to.</summary>
    public double Y { get; set; }

    /// <summary><c>x</c> (data, default) or <c>paper</c> (0..1 of the plot area).</summary>
    public string? XRef { get; set; }

    /// <summary><c>y</c> (data, default) or <c>paper</c>.</summary>
    public string? YRef { get; set; }

    /// <summary>Whether an arrow is drawn from the text to the point.</summary>
    public bool? ShowArrow { get; set; }

    /// <summary>x of the arrow tail: pixels from the head by default, data units when <see cref="AxRef"/> is an axis.</summary>
    public double? Ax { get; set; }

    /// <summary>y of the arrow tail.</summary>
    public double? Ay { get; set; }

    /// <summary><c>pixel</c> (default) or an axis id such as <c>x</c>.</summary>
    public string? AxRef { get; set; }

    /// <summary><c>pixel</c> (default) or an axis id such as <c>y</c>.</summary>
    public string? AyRef { get; set; }

    /// <summary>Arrow head style 0..8.</summary>
    public int? ArrowHead { get; set; }

    /// <summary>Arrow head size relative to the line width.</summary>
    public double? ArrowSize { get; set; }

    /// <summary>Arrow line width in pixels.</summary>
    public double? ArrowWidth { get; set; }

    /// <summary>Arrow colour.</summary>
    public string? ArrowColor { get; set; }

    /// <summary>Text font.</summary>
    public Font? Font { get; set; }

    /// <summary>Text background colour.</summary>
    public string? BgColor { get; set; }
}

/// <summary>A shape drawn on the plot: a rectangle (<c>rect</c>), <c>line</c> or <c>circle</c> from (X0, Y0) to (X1, Y1).</summary>
public sealed class Shape
{
    /// <summary><c>rect</c>, <c>line</c> or <c>circle</c>.</summary>
    public string Type { get; set; } = "rect";

    /// <summary>First corner x.</summary>
    public double X0 { get; set; }

    /// <summary>First corner y.</summary>
    public double Y0 { get; set; }

    /// <summary>Opposite corner x.</summary>
    public double X1 { get; set; }

    /// <summary>Opposite corner y.</summary>
    public double Y1 { get; set; }

    /// <summary><c>x</c> (data, default) or <c>paper</c>.</summary>
    public string? XRef { get; set; }

    /// <summary><c>y</c> (data, default) or <c>paper</c>.</summary>
    public string? YRef { get; set; }

    /// <summary>Outline style.</summary>
    public Line? Line { get; set; }

    /// <summary>Fill colour (CSS, may be <c>rgba(…)</c>); unset for an outline only.</summary>
    public string? FillColor { get; set; }

    /// <summary>Opacity 0..1.</summary>
    public double? Opacity { get; set; }
}

/// <summary>
/// A slider under the plot (Plotly's <c>layout.sliders</c>). Each step runs a Plotly method with its arguments when the
/// slider reaches it: <c>relayout</c> changes layout attributes, <c>restyle</c> trace attributes, <c>update</c> both.
/// <code>
/// new Slider { CurrentValue = new SliderCurrentValue { Prefix = "step " },
///              Steps = { new SliderStep { Label = "1", Method = "relayout", Args = [new Dictionary&lt;string, object&gt; { ["shapes[0].x0"] = 2 }] } } }
/// </code>
/// </summary>
public sealed class Slider
{
    /// <summary>The steps, in slider order.</summary>
    public List<SliderStep> Steps { get; } = new();

    /// <summary>The step selected when the figure is drawn (default 0). Draw the figure in that step's state.</summary>
    public int? Active { get; set; }

    /// <summary>The label above the slider showing the current step.</summary>
    public SliderCurrentValue? CurrentValue { get; set; }

    /// <summary>Distance from the plot, e.g. <c>new Pad { T = 40 }</c>.</summary>
    public Pad? Pad { get; set; }
}

/// <summary>One position of a <see cref="Slider"/>.</summary>
public sealed class SliderStep
{
    /// <summary>The text under the tick.</summary>
    public string? Label { get; set; }

    /// <summary>The Plotly method the step calls: <c>relayout</c>, <c>restyle</c>, <c>update</c> or <c>skip</c>.</summary>
    public string Method { get; set; } = "relayout";

    /// <summary>
    /// The method's arguments. For <c>relayout</c>, one dictionary from attribute paths to values
    /// (<c>"shapes[0].x0"</c>, <c>"annotations[1].text"</c>); for <c>update</c>, a trace dictionary then a layout one.
    /// </summary>
    public List<object> Args { get; set; } = new();
}

/// <summary>How a <see cref="Slider"/> shows its current step.</summary>
public sealed class SliderCurrentValue
{
    /// <summary>Text before the step's label, e.g. "window at ".</summary>
    public string? Prefix { get; set; }

    /// <summary>Whether the label is shown.</summary>
    public bool? Visible { get; set; }
}

/// <summary>Padding in pixels around a component.</summary>
public sealed class Pad
{
    /// <summary>Top padding.</summary>
    public double? T { get; set; }

    /// <summary>Bottom padding.</summary>
    public double? B { get; set; }

    /// <summary>Left padding.</summary>
    public double? L { get; set; }

    /// <summary>Right padding.</summary>
    public double? R { get; set; }
}
