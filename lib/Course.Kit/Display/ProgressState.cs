using System.Globalization;
using System.Net;

namespace Course.Kit.Display;

/// <summary>How far a loop has got (done of total, elapsed time, a status text), drawn as text or HTML.</summary>
internal sealed class ProgressState(string description, long? total, Func<TimeSpan> elapsed)
{
    private const int TextWidth = 30;

    public string Description { get; set; } = description;
    public long? Total { get; set; } = total;
    public long Done { get; set; }
    public string Status { get; set; } = "";
    public TimeSpan Elapsed => elapsed();

    /// <summary>Done / total in [0, 1], or null when the total is unknown.</summary>
    public double? Fraction => Total is > 0 and var t ? Math.Min(1, (double)Done / t) : null;

    /// <summary>The remaining time, extrapolated from the average time per item so far (null once done).</summary>
    public TimeSpan? Remaining => Fraction is > 0 and < 1 and var f ? Elapsed * ((1 - f) / f) : null;

    /// <summary>One line: <c>epoch 3/10 [#########---------------------]  30% 120/400 12.3s&lt;28.7s loss 0.41</c>.</summary>
    public string ToText()
    {
        string bar = Fraction is { } f ? "[" + new string('#', (int)(f * TextWidth)).PadRight(TextWidth, '-') + "] " + Percent(f) + " " : "";
        return $"{Description} {bar}{Counts()} {Times()} {Status}".Trim();
    }

    /// <summary>An HTML progress element with the same counts, times and status beside it.</summary>
    public string ToHtml()
    {
        string bar = Fraction is { } f
            ? $"<progress value=\"{Done}\" max=\"{Total}\" style=\"width:300px;vertical-align:middle\"></progress> {Percent(f)} "
            : "";
        return $"<div style=\"font-family:monospace\">{WebUtility.HtmlEncode(Description)} {bar}{Counts()} {WebUtility.HtmlEncode(Times())} " +
               $"{WebUtility.HtmlEncode(Status)}</div>";
    }

    private static string Percent(double fraction) => ((int)(fraction * 100)).ToString(CultureInfo.InvariantCulture).PadLeft(3) + "%";

    private string Counts() => Total is { } t ? $"{Done}/{t}" : $"{Done}";

    private string Times() => Remaining is { } left ? $"{Seconds(Elapsed)}<{Seconds(left)}" : Seconds(Elapsed);

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";
}
