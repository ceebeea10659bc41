using System.Collections;
using System.Globalization;
using System.Net;
using System.Text;
using Course.Kit.Display;
using Course.Kit.Plots;
using Course.Torch;

namespace Course.Kit.Training;

/// <summary>
/// The per-epoch record of a training run, returned by <see cref="Trainer.Fit"/>. In a notebook it displays as
/// loss and accuracy charts (train vs validation) above a table with one row per epoch.
/// </summary>
[TypeFormatterSource(typeof(HtmlViewFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class History : IReadOnlyList<EpochMetrics>, IHtmlView
{
    private readonly List<EpochMetrics> epochs = new();

    /// <summary>The column names of the table, in order.</summary>
    public static readonly string[] Columns = ["epoch", "train loss", "train acc", "valid loss", "valid acc", "lr", "seconds"];

    /// <summary>Appends the metrics of the next epoch.</summary>
    public void Add(EpochMetrics metrics) => epochs.Add(metrics);

    /// <summary>The number of epochs recorded.</summary>
    public int Count => epochs.Count;

    /// <summary>The metrics of epoch <paramref name="index"/> + 1.</summary>
    public EpochMetrics this[int index] => epochs[index];

    /// <summary>The last epoch's metrics.</summary>
    /// <exception cref="InvalidOperationException">When no epoch was recorded.</exception>
    public EpochMetrics Last => epochs.Count > 0 ? epochs[^1] : throw new InvalidOperationException("The history is empty: no epoch was trained.");

    /// <inheritdoc/>
    public IEnumerator<EpochMetrics> GetEnumerator() => epochs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The row of table cells for one epoch, in <see cref="Columns"/> order (empty where not measured).</summary>
    public static string[] Cells(EpochMetrics e) =>
    [
        e.Epoch.ToString(CultureInfo.InvariantCulture), Number(e.TrainLoss), Number(e.TrainAccuracy), Number(e.ValidLoss),
        Number(e.ValidAccuracy), e.LearningRate.ToString("g4", CultureInfo.InvariantCulture), e.Seconds.ToString("0.00", CultureInfo.InvariantCulture),
    ];

    private static string Number(double? value) => value?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Loss and (for classification) accuracy charts, train vs validation, against the epoch.</summary>
    public Figure ToFigure()
    {
        var curves = new MetricCurves();
        foreach (var e in epochs)
        {
            curves.Add("loss", "train", e.Epoch, e.TrainLoss);
            curves.Add("loss", "valid", e.Epoch, e.ValidLoss ?? double.NaN);
            curves.Add("accuracy", "train", e.Epoch, e.TrainAccuracy ?? double.NaN);
            curves.Add("accuracy", "valid", e.Epoch, e.ValidAccuracy ?? double.NaN);
        }
        return curves.ToFigure("epoch");
    }

    /// <summary>The table as aligned text, one line per epoch.</summary>
    public override string ToString()
    {
        var rows = epochs.Select(Cells).Prepend(Columns).ToList();
        var widths = Columns.Select((_, c) => rows.Max(r => r[c].Length)).ToArray();
        return string.Join(Environment.NewLine, rows.Select(r => string.Join("  ", r.Select((cell, c) => cell.PadLeft(widths[c])))));
    }

    /// <summary>The charts followed by the table.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<div>");
        if (epochs.Count > 0) html.Append(ToFigure().ToHtml());
        html.Append("<table><tr>").AppendJoin("", Columns.Select(c => $"<th>{WebUtility.HtmlEncode(c)}</th>")).Append("</tr>");
        foreach (var e in epochs)
            html.Append("<tr>").AppendJoin("", Cells(e).Select(cell => $"<td>{cell}</td>")).Append("</tr>");
        return html.Append("</table></div>").ToString();
    }
}
