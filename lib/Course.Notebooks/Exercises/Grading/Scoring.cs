using System.Globalization;
using Course.Kit.Exercises;
using Course.Notebooks.Files;

namespace Course.Notebooks.Exercises.Grading;

/// <summary>
/// Turns one run of a restored submission into exercise grades. Points come only from case results reported while
/// the exercise's own restored check cell ran, and only if those results are the source's cases, name for name.
/// </summary>
public static class Scoring
{
    /// <summary>Grades every autograded exercise of <paramref name="source"/> from one run.</summary>
    /// <param name="source">The source notebook.</param>
    /// <param name="restored">The submission as it ran.</param>
    /// <param name="expected">The source's own case results per exercise (from running the source).</param>
    /// <param name="executed">The executed notebook (error outputs tell timeouts, crashes and failing cells).</param>
    /// <param name="recorder">The case results reported during the run.</param>
    public static List<ExerciseGrade> Grade(SourceNotebook source, RestoredSubmission restored,
        IReadOnlyDictionary<string, IReadOnlyList<CaseResult>> expected, Notebook executed, CheckRecorder recorder)
    {
        var stop = RunStop.Find(executed);
        var grades = new List<ExerciseGrade>();
        foreach (var exercise in source.Exercises.Where(e => e.IsAutograded))
        {
            int cell = restored.CheckCells.First(c => c.Value == exercise.Id).Key;
            var notes = restored.Notes.Where(n => n.Exercise == exercise.Id).Select(n => n.Text).ToList();
            grades.Add(Score(exercise, cell, restored, expected[exercise.Id], executed, recorder, stop) with { Notes = notes });
        }
        return grades;
    }

    /// <summary>Zero for every autograded exercise, all with the same status and reason.</summary>
    public static List<ExerciseGrade> Zero(SourceNotebook source, GradeStatus status, string reason) =>
        source.Exercises.Where(e => e.IsAutograded).Select(e => Grade(e, 0, status, reason, [])).ToList();

    private static ExerciseGrade Score(Exercise exercise, int cell, RestoredSubmission restored, IReadOnlyList<CaseResult> expected,
        Notebook executed, CheckRecorder recorder, RunStop? stop)
    {
        if (restored.Missing.TryGetValue(exercise.Id, out var missing)) return Grade(exercise, 0, GradeStatus.Missing, missing, []);
        if (stop is not null && stop.Cell < cell)
            return Grade(exercise, 0, stop.Status, $"not run: the notebook stopped at cell {stop.Cell + 1} before these checks ({stop.Reason})", []);
        if (stop is not null && stop.Cell == cell)
            return Grade(exercise, 0, stop.Status, $"the checks were stopped: {stop.Reason}", []);

        var reported = recorder.For(cell, exercise.Id);
        if (reported.Count == 0)
            return Grade(exercise, 0, GradeStatus.Error,
                $"the check cell failed before any case ran: {RunStop.ErrorOf(executed.Cells[cell]) ?? "it reported no results"}", []);
        var names = expected.Select(c => c.Case).ToHashSet();
        if (reported is [{ Passed: false, MaxPoints: 0 } failed] && !names.Contains(failed.Case))
            return Grade(exercise, 0, GradeStatus.Failed, $"the checks could not start: {failed.Message}", reported);
        if (recorder.Foreign(cell, exercise.Id) > 0 || !SameCases(expected, reported))
            return Grade(exercise, 0, GradeStatus.Tampered,
                $"{reported.Count + recorder.Foreign(cell, exercise.Id)} case results arrived while the checks ran, but the source's checks " +
                $"have {expected.Count} ({string.Join(", ", expected.Select(c => c.Case))}): results were injected or suppressed; flagged for review",
                reported);

        var worth = expected.ToDictionary(c => c.Case, c => c.MaxPoints);
        double points = reported.Where(r => r.Passed).Sum(r => Math.Clamp(r.Points, 0, worth[r.Case]));
        var status = points >= exercise.Points - 1e-9 ? GradeStatus.Passed : points > 0 ? GradeStatus.Partial : GradeStatus.Failed;
        return Grade(exercise, points, status, Summary(reported), reported);
    }

    /// <summary>The same case names as the source, each once: nothing injected, nothing suppressed.</summary>
    private static bool SameCases(IReadOnlyList<CaseResult> expected, IReadOnlyList<CaseResult> reported) =>
        expected.Select(c => c.Case).Order(StringComparer.Ordinal).SequenceEqual(reported.Select(c => c.Case).Order(StringComparer.Ordinal));

    /// <summary>A line a student can act on: the first visible failure with its hint; a hidden failure only as such.</summary>
    private static string Summary(IReadOnlyList<CaseResult> cases)
    {
        int passed = cases.Count(c => c.Passed);
        if (passed == cases.Count) return $"all {cases.Count} cases passed";
        string count = $"{passed} of {cases.Count} cases passed";
        if (cases.FirstOrDefault(c => !c.Passed && !c.Hidden) is { } visible)
            return $"{count}; '{visible.Case}': {visible.Message}{(visible.Hint is null ? "" : $" Hint: {visible.Hint}")}";
        return $"{count}; a hidden case failed (its details are withheld)";
    }

    /// <summary>A grade whose message is one line (compiler and parser messages can span several).</summary>
    private static ExerciseGrade Grade(Exercise exercise, double points, GradeStatus status, string message, IReadOnlyList<CaseResult> cases) =>
        new(exercise.Id, exercise.Title, points, exercise.Points, status, OneLine(message), cases, []);

    private static string OneLine(string text) => string.Join(" ", text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Points as grades.csv and the pages write them: up to two decimals, invariant culture.</summary>
    public static string Format(double points) => points.ToString("0.##", CultureInfo.InvariantCulture);
}
