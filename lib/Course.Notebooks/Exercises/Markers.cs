using System.Text.RegularExpressions;

namespace Course.Notebooks.Exercises;

/// <summary>A pair of marker lines, e.g. <c>// BEGIN SOLUTION</c> … <c>// END SOLUTION</c>.</summary>
/// <param name="Begin">The opening line as authors write it.</param>
/// <param name="End">The closing line.</param>
/// <param name="Words">The words that identify the pair (e.g. "SOLUTION"), used to catch misspelt markers.</param>
public sealed record MarkerSyntax(string Begin, string End, string Words)
{
    /// <summary><c>// BEGIN SOLUTION</c> … <c>// END SOLUTION</c> in code: the student version gets a stub that throws.</summary>
    public static readonly MarkerSyntax CodeSolution = new("// BEGIN SOLUTION", "// END SOLUTION", "SOLUTION");

    /// <summary><c>&lt;!-- BEGIN SOLUTION --&gt;</c> … in markdown: the student version gets "YOUR ANSWER HERE".</summary>
    public static readonly MarkerSyntax MarkdownSolution = new("<!-- BEGIN SOLUTION -->", "<!-- END SOLUTION -->", "SOLUTION");

    /// <summary><c>// BEGIN HIDDEN TESTS</c> … in check cells: removed from the student version, run by the grader.</summary>
    public static readonly MarkerSyntax HiddenTests = new("// BEGIN HIDDEN TESTS", "// END HIDDEN TESTS", "HIDDEN TESTS");
}

/// <summary>One marked region of a cell: the 0-based line numbers of its two marker lines, and the opening line's indent.</summary>
/// <param name="BeginLine">0-based line of the opening marker.</param>
/// <param name="EndLine">0-based line of the closing marker.</param>
/// <param name="Indent">The whitespace before the opening marker, which a replacement keeps.</param>
public readonly record struct MarkerRegion(int BeginLine, int EndLine, string Indent);

/// <summary>Finds and rewrites marked regions, line by line. A marker must stand alone on its line.</summary>
public static partial class Markers
{
    /// <summary>
    /// The regions of <paramref name="syntax"/> in <paramref name="source"/>. Markers are matched ignoring the spaces
    /// around and inside them (<c>//BEGIN SOLUTION</c> counts); anything else on a line that names the marker words is
    /// an error, so a misspelt marker never leaks a solution.
    /// </summary>
    /// <param name="source">The cell's text.</param>
    /// <param name="syntax">The marker pair.</param>
    /// <param name="fail">Builds the error for a 1-based line and a problem.</param>
    /// <exception cref="MarkupException">Unbalanced, nested or malformed markers.</exception>
    public static IReadOnlyList<MarkerRegion> Find(string source, MarkerSyntax syntax, Func<int, string, MarkupException> fail)
    {
        var regions = new List<MarkerRegion>();
        var lines = SplitLines(source);
        int? open = null;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (Matches(line, syntax.Begin))
            {
                if (open is { } o) throw fail(i + 1, $"'{syntax.Begin}' inside the region opened on line {o + 1}; close it first with '{syntax.End}'");
                open = i;
            }
            else if (Matches(line, syntax.End))
            {
                if (open is not { } o) throw fail(i + 1, $"'{syntax.End}' without a '{syntax.Begin}' before it");
                regions.Add(new MarkerRegion(o, i, LeadingWhitespace(lines[o])));
                open = null;
            }
            else if (MentionsMarker(line, syntax))
            {
                throw fail(i + 1, $"'{line.Trim()}' looks like a marker but is not exactly '{syntax.Begin}' or '{syntax.End}' alone on its line");
            }
        }
        if (open is { } unclosed) throw fail(unclosed + 1, $"'{syntax.Begin}' is never closed by '{syntax.End}'");
        return regions;
    }

    /// <summary>Whether any line of <paramref name="source"/> is, or looks like, a marker of <paramref name="syntax"/>.</summary>
    public static bool Mentions(string source, MarkerSyntax syntax) =>
        SplitLines(source).Any(line => MentionsMarker(line, syntax));

    /// <summary>
    /// Replaces each region (marker lines included) by the lines <paramref name="replacement"/> returns for it; an empty
    /// result deletes the region. Line endings (\n or \r\n) are kept.
    /// </summary>
    public static string Replace(string source, IReadOnlyList<MarkerRegion> regions, Func<MarkerRegion, IEnumerable<string>> replacement)
    {
        string newline = source.Contains("\r\n") ? "\r\n" : "\n";
        var lines = SplitLines(source);
        var result = new List<string>();
        int next = 0;
        foreach (var region in regions)
        {
            result.AddRange(lines[next..region.BeginLine]);
            result.AddRange(replacement(region));
            next = region.EndLine + 1;
        }
        result.AddRange(lines[next..]);
        return string.Join(newline, result);
    }

    private static string[] SplitLines(string source) => source.Replace("\r\n", "\n").Split('\n');

    /// <summary>A line equals the marker once whitespace is ignored (<c>//BEGIN SOLUTION</c> counts).</summary>
    private static bool Matches(string line, string marker) => Compact(line) == Compact(marker);

    private static bool MentionsMarker(string line, MarkerSyntax syntax) =>
        Compact(line).Contains(Compact($"BEGIN {syntax.Words}")) || Compact(line).Contains(Compact($"END {syntax.Words}"));

    private static string Compact(string text) => Whitespace().Replace(text, "");

    private static string LeadingWhitespace(string line) => line[..(line.Length - line.TrimStart().Length)];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
