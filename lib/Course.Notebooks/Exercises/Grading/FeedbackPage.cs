using System.Net;
using System.Text;
using Course.Kit.Exercises;

namespace Course.Notebooks.Exercises.Grading;

/// <summary>
/// The feedback page a student receives: total, then per exercise the status, points, the message and every visible
/// case with its failure and hint. Hidden cases show only their name and whether they passed.
/// </summary>
public static class FeedbackPage
{
    /// <summary>A self-contained HTML page (inline styles, no scripts).</summary>
    public static string Of(StudentGrade grade)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append($"<title>{E(grade.Assignment)}: feedback for {E(grade.Student)}</title>\n");
        html.Append("<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;padding:0 1em;line-height:1.4}" +
                    ".passed{color:#2e7d32}.failed{color:#c62828}section{border-left:4px solid #8886;padding:0 1em;margin:1.5em 0}" +
                    "pre{white-space:pre-wrap;background:#8881;padding:.5em}</style>\n</head>\n<body>\n");
        html.Append($"<h1>{E(grade.Assignment)}</h1>\n<p>Feedback for <b>{E(grade.Student)}</b> ({E(grade.Submission)}): " +
                    $"<b>{Scoring.Format(grade.Points)} / {Scoring.Format(grade.MaxPoints)}</b> points.</p>\n");
        foreach (var note in grade.Notes) html.Append($"<p>Note: {E(note)}</p>\n");
        foreach (var exercise in grade.Exercises) Exercise(html, exercise);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Exercise(StringBuilder html, ExerciseGrade exercise)
    {
        string cls = exercise.Status == GradeStatus.Passed ? "passed" : "failed";
        html.Append($"<section>\n<h2>Exercise {E(exercise.Exercise)}: {E(exercise.Title)}</h2>\n");
        html.Append($"<p class=\"{cls}\"><b>{Scoring.Format(exercise.Points)} / {Scoring.Format(exercise.MaxPoints)}</b> " +
                    $"points ({GradebookFiles.Name(exercise.Status)})</p>\n<p>{E(exercise.Message)}</p>\n");
        foreach (var note in exercise.Notes) html.Append($"<p>Note: {E(note)}</p>\n");
        if (exercise.Cases.Count > 0)
        {
            html.Append("<ul>\n");
            foreach (var c in exercise.Cases) html.Append(Case(c));
            html.Append("</ul>\n");
        }
        html.Append("</section>\n");
    }

    private static string Case(CaseResult c)
    {
        string mark = c.Passed ? "<span class=\"passed\">✓</span>" : "<span class=\"failed\">✗</span>";
        string points = $"({Scoring.Format(c.Points)}/{Scoring.Format(c.MaxPoints)})";
        if (c.Hidden) return $"<li>{mark} hidden case “{E(c.Case)}” {points}</li>\n";  // never its message or hint
        if (c.Passed) return $"<li>{mark} {E(c.Case)} {points}</li>\n";
        string hint = c.Hint is null ? "" : $"<br><i>Hint:</i> {E(c.Hint)}";
        return $"<li>{mark} {E(c.Case)} {points}<pre>{E(c.Message ?? "")}</pre>{hint}</li>\n";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
