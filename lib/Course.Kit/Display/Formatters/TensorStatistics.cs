using System.Globalization;
using System.Net;
using System.Text;
using Course.Kit.Images;
using static Course.Torch.torch;

namespace Course.Kit.Display.Formatters;

/// <summary>
/// What a glance at a large tensor should tell: the range, mean and spread of its finite values, how many are NaN or
/// infinite (the first sign of a diverging training run), and their distribution as a histogram.
/// </summary>
internal sealed record TensorStatistics(long Count, double Min, double Max, double Mean, double Std, long NaNs, long Infinities, long[] Histogram)
{
    /// <summary>Histogram bins: enough to show a shape, few enough to stay a thumbnail.</summary>
    public const int Bins = 40;

    /// <summary>Statistics of the finite values (min, max, mean, sample std as <c>torch.std</c>), and the non-finite counts.</summary>
    public static TensorStatistics Of(Tensor tensor)
    {
        var values = TensorImages.Values(tensor);
        var finite = values.Where(double.IsFinite).ToArray();
        long nans = values.Count(double.IsNaN);
        long infinities = values.Length - finite.Length - nans;
        if (finite.Length == 0) return new(values.Length, double.NaN, double.NaN, double.NaN, double.NaN, nans, infinities, new long[Bins]);
        double min = finite.Min(), max = finite.Max(), mean = finite.Average();
        // Sample standard deviation (Bessel's correction, n − 1), as torch.std computes by default.
        double std = finite.Length > 1 ? Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / (finite.Length - 1)) : double.NaN;
        var histogram = new long[Bins];
        foreach (var v in finite)
            histogram[max > min ? Math.Min((int)((v - min) / (max - min) * Bins), Bins - 1) : 0]++;
        return new(values.Length, min, max, mean, std, nans, infinities, histogram);
    }

    /// <summary>A one-line table of the statistics, then (optionally) the histogram as a PNG with its range under it.</summary>
    public string ToHtml(bool withHistogram)
    {
        var html = new StringBuilder("<table style=\"font-family: monospace\"><tr>");
        foreach (var name in new[] { "min", "max", "mean", "std", "NaN", "±Inf" }) html.Append("<th>").Append(name).Append("</th>");
        html.Append("</tr><tr>");
        foreach (var value in new[] { Number(Min), Number(Max), Number(Mean), Number(Std), NaNs.ToString(CultureInfo.InvariantCulture), Infinities.ToString(CultureInfo.InvariantCulture) })
            html.Append("<td style=\"text-align: right\">").Append(WebUtility.HtmlEncode(value)).Append("</td>");
        html.Append("</tr></table>");
        if (withHistogram && Count > NaNs + Infinities)
            html.Append("<div>").Append(HistogramPicture().ToHtml(alt: $"histogram of the finite values from {Number(Min)} to {Number(Max)}"))
                .Append("<br><span style=\"font: 11px monospace\">").Append(WebUtility.HtmlEncode($"{Number(Min)} … {Number(Max)}")).Append("</span></div>");
        return html.ToString();
    }

    static string Number(double v) => v.ToString("G5", CultureInfo.InvariantCulture);

    /// <summary>Dark bars on white, <see cref="BarWidth"/> pixels per bin, the fullest bin <see cref="PlotHeight"/> pixels tall.</summary>
    internal Image HistogramPicture()
    {
        var picture = new Image(Bins * BarWidth, PlotHeight, 1);
        Array.Fill(picture.Pixels, (byte)255);
        long fullest = Math.Max(1, Histogram.Max());
        for (int bin = 0; bin < Bins; bin++)
        {
            // A non-empty bin is at least one pixel tall, so rare values (outliers) stay visible.
            int height = Histogram[bin] == 0 ? 0 : Math.Max(1, (int)Math.Round((double)Histogram[bin] / fullest * PlotHeight));
            for (int y = PlotHeight - height; y < PlotHeight; y++)
                for (int x = bin * BarWidth; x < (bin + 1) * BarWidth - 1; x++) picture[x, y] = 60;
        }
        return picture;
    }

    const int BarWidth = 4, PlotHeight = 48;
}
