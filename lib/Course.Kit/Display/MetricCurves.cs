using System.Globalization;
using System.Net;
using System.Text;
using Course.Kit.Plots;

namespace Course.Kit.Display;

/// <summary>
/// Curves grouped by metric (one subplot each: loss, accuracy, …) and by series within a metric (train, valid, …),
/// each series keeping its colour in every subplot. Shared by the live <see cref="TrainingBoard"/> and the final
/// <see cref="Training.History"/>.
/// </summary>
internal sealed class MetricCurves
{
    // plotly.js's default colour cycle, so series look as they would in any Plotly chart.
    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"];

    private readonly List<string> metrics = new();
    private readonly List<string> series = new();
    private readonly Dictionary<(string Metric, string Series), (List<double> X, List<double> Y)> points = new();

    public bool IsEmpty => points.Count == 0;

    /// <summary>Appends the point (<paramref name="x"/>, <paramref name="y"/>) to a curve; NaN values are skipped.</summary>
    public void Add(string metric, string seriesName, double x, double y)
    {
        if (double.IsNaN(y)) return;
        if (!metrics.Contains(metric)) metrics.Add(metric);
        if (!series.Contains(seriesName)) series.Add(seriesName);
        if (!points.TryGetValue((metric, seriesName), out var curve))
            points[(metric, seriesName)] = curve = (new List<double>(), new List<double>());
        curve.X.Add(x);
        curve.Y.Add(y);
    }

    /// <summary>One line chart per metric, side by side, with <paramref name="xLabel"/> under each.</summary>
    public Figure ToFigure(string xLabel)
    {
        var grid = new Grid { Rows = 1, Columns = Math.Max(1, metrics.Count) };
        var figure = new Figure { Layout = new Layout { Grid = grid, Height = 320, Legend = new Legend { Orientation = "h" } } };
        var inLegend = new HashSet<string>();
        for (int m = 0; m < metrics.Count; m++)
        {
            var (xAxis, yAxis) = grid.Axes(0, m);
            foreach (var name in series.Where(name => points.ContainsKey((metrics[m], name))))
            {
                var (xs, ys) = points[(metrics[m], name)];
                figure.Data.Add(new Scatter
                {
                    X = xs.ToArray(), Y = ys.ToArray(), Mode = "lines", Name = name, XAxis = xAxis, YAxis = yAxis,
                    ShowLegend = inLegend.Add(name), // each series once in the legend, though drawn in every subplot
                    Line = new Line { Color = Palette[series.IndexOf(name) % Palette.Length] },
                });
            }
            // Axis ids "x2"/"y2" are laid out as "xaxis2"/"yaxis2".
            figure.Layout.Axes["xaxis" + xAxis[1..]] = new Axis { Title = xLabel };
            figure.Layout.Axes["yaxis" + yAxis[1..]] = new Axis { Title = metrics[m] };
        }
        return figure;
    }

    /// <summary>The last value of each curve as an HTML table: a row per series, a column per metric.</summary>
    public string LatestTableHtml()
    {
        var html = new StringBuilder("<table><tr><th></th>");
        foreach (var metric in metrics) html.Append("<th>").Append(WebUtility.HtmlEncode(metric)).Append("</th>");
        html.Append("</tr>");
        foreach (var name in series)
        {
            html.Append("<tr><th>").Append(WebUtility.HtmlEncode(name)).Append("</th>");
            foreach (var metric in metrics)
                html.Append("<td>").Append(points.TryGetValue((metric, name), out var c) ? Format(c.Y[^1]) : "").Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</table>").ToString();
    }

    /// <summary>The last values as text: <c>train loss 0.412, valid loss 0.455, …</c>.</summary>
    public string LatestText() => string.Join(", ",
        from metric in metrics from name in series where points.ContainsKey((metric, name))
        select $"{name} {metric} {Format(points[(metric, name)].Y[^1])}");

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
