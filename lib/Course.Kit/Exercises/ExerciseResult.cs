using System.Globalization;
using System.Net;
using System.Text;
using Course.Torch;

namespace Course.Kit.Exercises;

/// <summary>
/// The results of one <see cref="Exercise.Check"/>: the score and one line per case, with the first failure in detail.
/// Displays as a compact HTML panel in notebooks and as text elsewhere. Hidden cases show only their name and
/// whether they passed: their messages and hints never appear here.
/// </summary>
[Course.Torch.TypeFormatterSource(typeof(Course.Kit.Display.HtmlViewFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class ExerciseResult : Course.Kit.Display.IHtmlView
{
    internal ExerciseResult(string id, string title, IReadOnlyList<CaseResult> cases)
    {
        Id = id;
        Title = title;
        Cases = cases;
    }

    /// <summary>The exercise id, e.g. "02.2".</summary>
    public string Id { get; }

    /// <summary>The exercise's short title.</summary>
    public string Title { get; }

    /// <summary>Every case's result, in declaration order.</summary>
    public IReadOnlyList<CaseResult> Cases { get; }

    /// <summary>Points earned: the sum over passed cases.</summary>
    public double Score => Cases.Sum(c => c.Points);

    /// <summary>Points available: the sum over all cases.</summary>
    public double MaxScore => Cases.Sum(c => c.MaxPoints);

    /// <summary>True when every case passed.</summary>
    public bool Passed => Cases.All(c => c.Passed);

    /// <summary>
    /// The panel as text:
    /// <code>
    /// Exercise 02.2 · naive conv2d: 1/3 points
    ///   ✓ stride 1 (1/1)
    ///   ✗ stride 2 (0/2)
    /// First failure, "stride 2":
    ///   output: shape differs: expected [1, 1, 2, 2], got [1, 1, 3, 3].
    ///   Hint: the output size is ⌊(in + 2·pad − k)/s⌋ + 1.
    /// </code>
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder($"{Heading}: {Points(Score)}/{Points(MaxScore)} points\n");
        foreach (var c in Cases) text.Append($"  {Mark(c)} {Label(c)} ({Points(c.Points)}/{Points(c.MaxPoints)})\n");
        if (FirstFailure is { } f)
        {
            text.Append($"First failure, \"{f.Case}\":\n");
            foreach (var line in f.Message!.Split('\n')) text.Append($"  {line}\n");
            if (f.Hint is not null) text.Append($"  Hint: {f.Hint}\n");
        }
        else if (!Passed) text.Append(HiddenFailureNote + "\n");
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>The panel as an HTML fragment (inline styles only, readable on light and dark themes).</summary>
    public string ToHtml()
    {
        string colour = Passed ? "#2e9e44" : "#d03a3a";
        var html = new StringBuilder();
        html.Append($"<div class=\"course-exercise\" style=\"border:1px solid #8886;border-left:4px solid {colour};padding:6px 10px;margin:4px 0;font-family:sans-serif;font-size:13px\">");
        html.Append($"<div><b>{Encode(Heading)}</b> — <b>{Points(Score)} / {Points(MaxScore)}</b> points</div>");
        html.Append("<ul style=\"list-style:none;margin:4px 0;padding-left:0\">");
        foreach (var c in Cases)
            html.Append($"<li><span style=\"color:{(c.Passed ? "#2e9e44" : "#d03a3a")}\">{Mark(c)}</span> {Encode(Label(c))} " +
                        $"<span style=\"opacity:0.7\">({Points(c.Points)}/{Points(c.MaxPoints)})</span></li>");
        html.Append("</ul>");
        if (FirstFailure is { } f)
        {
            html.Append($"<div><b>First failure, “{Encode(f.Case)}”:</b></div>");
            html.Append($"<pre style=\"white-space:pre-wrap;margin:4px 0\">{Encode(f.Message!)}</pre>");
            if (f.Hint is not null) html.Append($"<div><i>Hint:</i> {Encode(f.Hint)}</div>");
        }
        else if (!Passed) html.Append($"<div>{Encode(HiddenFailureNote)}</div>");
        html.Append("</div>");
        return html.ToString();
    }

    string Heading => string.IsNullOrWhiteSpace(Title) ? $"Exercise {Id}" : $"Exercise {Id} · {Title}";

    /// <summary>The first failed visible case: the only one whose details the panel shows.</summary>
    CaseResult? FirstFailure => Cases.FirstOrDefault(c => !c.Passed && !c.Hidden);

    const string HiddenFailureNote = "A hidden case failed; its details are withheld.";

    static string Mark(CaseResult c) => c.Passed ? "✓" : "✗";

    static string Label(CaseResult c) => c.Hidden ? $"[hidden] {c.Case}" : c.Case;

    static string Points(double points) => points.ToString("0.##", CultureInfo.InvariantCulture);

    static string Encode(string text) => WebUtility.HtmlEncode(text);
}
