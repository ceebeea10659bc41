using Course.Kit.Plots;
using Course.Torch;

namespace Course.Kit.Display;

/// <summary>
/// A live training dashboard in one notebook output: a progress line, a chart per metric (train vs validation
/// curves) and a table of the latest values, redrawn in place a few times a second:
/// <code>
/// var board = new TrainingBoard();
/// board.Log("loss", "train", epoch + (i + 1.0) / batches, loss);   // x may be a fractional epoch
/// board.Log("accuracy", "valid", epoch + 1, validAccuracy);
/// board.Progress($"epoch {epoch + 1}/{epochs}", i + 1, batches);
/// board.Finish();                                                  // always draws the final state
/// </code>
/// In a console it prints the progress line and latest values instead.
/// </summary>
[TypeFormatterSource(typeof(HtmlViewFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class TrainingBoard : IHtmlView
{
    private readonly LiveOutput output;
    private readonly ProgressState progress;
    private readonly MetricCurves curves = new();

    /// <summary>Creates an empty board; it is first drawn by the first <see cref="Log"/> or <see cref="Progress"/>.</summary>
    /// <param name="xLabel">The x axis title of every chart.</param>
    /// <param name="output">Where to draw; by default a new <see cref="LiveOutput"/> on the resolved host.</param>
    public TrainingBoard(string xLabel = "epoch", LiveOutput? output = null)
    {
        XLabel = xLabel;
        this.output = output ?? new LiveOutput();
        progress = new ProgressState("", null, () => this.output.Elapsed);
    }

    /// <summary>The x axis title of every chart.</summary>
    public string XLabel { get; }

    /// <summary>Adds a point to the curve <paramref name="series"/> of chart <paramref name="metric"/>; redraws if due.</summary>
    /// <param name="metric">The chart, such as <c>"loss"</c> or <c>"accuracy"</c>.</param>
    /// <param name="series">The curve within it, such as <c>"train"</c> or <c>"valid"</c>.</param>
    /// <param name="x">Position on the x axis (epoch, fractional epoch or step).</param>
    /// <param name="value">The metric's value; NaN is skipped.</param>
    public void Log(string metric, string series, double x, double value)
    {
        curves.Add(metric, series, x, value);
        output.Publish(this);
    }

    /// <summary>Sets the progress line (<paramref name="done"/> of <paramref name="total"/>); redraws if due.</summary>
    public void Progress(string description, long done, long? total, string status = "")
    {
        (progress.Description, progress.Done, progress.Total, progress.Status) = (description, done, total, status);
        output.Publish(this);
    }

    /// <summary>Draws the current state now, whatever the throttle: call it when training ends.</summary>
    public void Finish() => output.PublishNow(this);

    /// <summary>The charts: one line chart per metric, series in the same colour across charts.</summary>
    public Figure ToFigure() => curves.ToFigure(XLabel);

    /// <summary>The progress line, then the latest values.</summary>
    public override string ToString() => curves.IsEmpty ? progress.ToText() : $"{progress.ToText()} | {curves.LatestText()}";

    /// <summary>The progress bar, the charts and the table of latest values as one HTML fragment.</summary>
    public string ToHtml() =>
        "<div>" + progress.ToHtml() + (curves.IsEmpty ? "" : ToFigure().ToHtml() + curves.LatestTableHtml()) + "</div>";
}
