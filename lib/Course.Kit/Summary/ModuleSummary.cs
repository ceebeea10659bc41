using System.Globalization;
using System.Net;
using System.Text;
using Course.Kit.Display.Formatters;
using Course.Torch;

namespace Course.Kit;

/// <summary>
/// A model's layers with their output shapes and parameter counts, and the totals, as text (<see cref="ToString"/>)
/// or an HTML table (<see cref="ToHtml"/>, what a notebook shows). Made by <see cref="Summary.Of"/>.
/// </summary>
[Course.Torch.TypeFormatterSource(typeof(Course.Kit.Display.HtmlViewFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class ModuleSummary : Course.Kit.Display.IHtmlView
{
    internal ModuleSummary(long[]? inputShape, IReadOnlyList<LayerSummary> layers)
    {
        InputShape = inputShape;
        Layers = layers;
    }

    /// <summary>The input shape the model ran on, or null when the summary has no output shapes.</summary>
    public long[]? InputShape { get; }

    /// <summary>One row per module, depth first; the first is the model itself.</summary>
    public IReadOnlyList<LayerSummary> Layers { get; }

    /// <summary>All parameter elements: the sum of the rows, which equals <c>parameters().Sum(numel)</c>.</summary>
    public long TotalParameters => Layers.Sum(l => l.Parameters);

    /// <summary>Parameter elements with requires_grad.</summary>
    public long TrainableParameters => Layers.Sum(l => l.TrainableParameters);

    /// <summary>Parameter elements without requires_grad (frozen).</summary>
    public long NonTrainableParameters => TotalParameters - TrainableParameters;

    /// <summary>The table's cells, row by row: layer (indented by depth), type, [output shape,] parameters, trainable.</summary>
    List<string[]> Rows()
    {
        var rows = new List<string[]> { Columns() };
        foreach (var layer in Layers)
        {
            string label = layer.Depth == 0 ? layer.Type : new string(' ', 2 * layer.Depth) + layer.Name.Split('.')[^1] + " (" + layer.Type + ")";
            // A container owning no parameters shows "--" as torchinfo does: its layers' rows carry the counts.
            string count = layer.HasChildren && layer.Parameters == 0 ? "--" : Count(layer.Parameters);
            rows.Add(InputShape is null
                ? [label, count, layer.Trainable]
                : [label, layer.OutputShape is { } s ? "[" + string.Join(", ", s) + "]" : "--", count, layer.Trainable]);
        }
        return rows;
    }

    string[] Columns() => InputShape is null
        ? ["Layer (type)", "Param #", "Trainable"]
        : ["Layer (type)", "Output shape", "Param #", "Trainable"];

    IEnumerable<(string name, string value)> Totals() =>
    [
        ("Total params", Count(TotalParameters)),
        ("Trainable params", Count(TrainableParameters)),
        ("Non-trainable params", Count(NonTrainableParameters)),
    ];

    static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The summary as a fixed-width text table with the totals under it.</summary>
    public override string ToString()
    {
        var rows = Rows();
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        if (InputShape is not null) text.Append("Input shape: [").AppendJoin(", ", InputShape).Append(']').AppendLine();
        foreach (var row in rows)
            // The first column (names) is left-aligned, the numbers right-aligned.
            text.AppendJoin("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).AppendLine();
        foreach (var (name, value) in Totals()) text.Append(name).Append(": ").Append(value).AppendLine();
        return text.ToString();
    }

    /// <summary>The summary as an HTML table with a header row and the totals under it.</summary>
    public string ToHtml()
    {
        var rows = Rows();
        var html = new StringBuilder("<div>");
        if (InputShape is not null) html.Append("<div style=\"font-family: monospace\">Input shape: [").AppendJoin(", ", InputShape).Append("]</div>");
        html.Append("<table style=\"font-family: monospace\"><tr>");
        foreach (var name in rows[0]) html.Append("<th>").Append(WebUtility.HtmlEncode(name)).Append("</th>");
        html.Append("</tr>");
        foreach (var row in rows.Skip(1))
        {
            html.Append("<tr>");
            for (int c = 0; c < row.Length; c++)
                html.Append(c == 0 ? "<td style=\"text-align: left; white-space: pre\">" : "<td style=\"text-align: right\">")
                    .Append(WebUtility.HtmlEncode(row[c])).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</table><div style=\"font-family: monospace\">");
        foreach (var (name, value) in Totals()) html.Append(WebUtility.HtmlEncode(name)).Append(": ").Append(value).Append("<br>");
        return html.Append("</div></div>").ToString();
    }
}
