using Course.Kit.Exercises;
using Course.Notebooks.Execution;
using Course.Notebooks.Files;

namespace Course.Notebooks.Exercises.Grading;

/// <summary>One problem <c>course verify</c> found.</summary>
/// <param name="Notebook">The source notebook's file name.</param>
/// <param name="Exercise">The exercise, or null for a cell outside the exercises.</param>
/// <param name="Version">"source" or "released".</param>
/// <param name="Problem">What is wrong.</param>
public sealed record Violation(string Notebook, string? Exercise, string Version, string Problem);

/// <summary>What one exercise's checks reported in one run of a notebook.</summary>
/// <param name="Exercise">The exercise.</param>
/// <param name="Cases">The results reported while its check cell ran.</param>
public sealed record ExerciseRun(Exercise Exercise, IReadOnlyList<CaseResult> Cases)
{
    /// <summary>Points reported as available: the sum of the cases' points.</summary>
    public double ReportedPoints => Cases.Sum(c => c.MaxPoints);
}

/// <summary>
/// Proves a source notebook's checks in both directions, as <c>course verify</c> and <c>course grade</c> need:
/// on the source every case passes and the cases' points add up to the check cell's <c>course.points</c>; on the
/// released notebook every case fails and no cell outside the exercises errors.
/// </summary>
public static class SourceCheck
{
    /// <summary>Runs the source and returns each exercise's cases (the grader's expected cases) and any violations.</summary>
    public static async Task<(List<ExerciseRun> Exercises, List<Violation> Violations)> RunSourceAsync(SourceNotebook source,
        NotebookRunOptions limits, CancellationToken cancellation = default)
    {
        var (run, checks) = await GradingKernel.RunAsync(source.Notebook, limits, cancellation);
        var violations = new List<Violation>();
        var exercises = Collect(source, run.Executed, checks, "source", violations);
        foreach (var e in exercises)
        {
            foreach (var failed in e.Cases.Where(c => !c.Passed))
                violations.Add(Problem(source, e.Exercise.Id, "source", $"case '{failed.Case}' fails on the solution: {failed.Message}"));
            if (e.Cases.Count > 0 && Math.Abs(e.ReportedPoints - e.Exercise.Points) > 1e-9)
                violations.Add(Problem(source, e.Exercise.Id, "source",
                    $"the cases are worth {Scoring.Format(e.ReportedPoints)} points but course.points says {Scoring.Format(e.Exercise.Points)}"));
        }
        return (exercises, violations);
    }

    /// <summary>Runs the released notebook and returns each exercise's cases and any violations.</summary>
    public static async Task<(List<ExerciseRun> Exercises, List<Violation> Violations)> RunReleasedAsync(SourceNotebook source,
        NotebookRunOptions limits, CancellationToken cancellation = default)
    {
        var released = StudentVersion.Of(source);
        released.Path = source.Notebook.Path;  // same folder, so relative paths resolve as in the source
        var (run, checks) = await GradingKernel.RunAsync(released, limits, cancellation);
        var violations = new List<Violation>();
        var exercises = Collect(source, run.Executed, checks, "released", violations);
        foreach (var e in exercises)
            foreach (var passed in e.Cases.Where(c => c.Passed))
                violations.Add(Problem(source, e.Exercise.Id, "released",
                    $"case '{passed.Case}' passes on the released stub, so it does not test the student's code"));
        for (int i = 0; i < run.Executed.Cells.Count; i++)
            if (source.Markup[i]?.Exercise is null && RunStop.ErrorOf(run.Executed.Cells[i]) is { } error)
                violations.Add(Problem(source, null, "released", $"cell {i + 1}, outside the exercises, fails: {error}"));
        return (exercises, violations);
    }

    /// <summary>Each autograded exercise's results; a check cell that stopped, errored or reported nothing is a violation.</summary>
    private static List<ExerciseRun> Collect(SourceNotebook source, Notebook executed, CheckRecorder checks, string version,
        List<Violation> violations)
    {
        var stop = RunStop.Find(executed);
        if (stop is not null) violations.Add(Problem(source, source.Markup[stop.Cell]?.Exercise, version, $"cell {stop.Cell + 1}: {stop.Reason}"));
        var runs = new List<ExerciseRun>();
        foreach (var exercise in source.Exercises.Where(e => e.IsAutograded))
        {
            int cell = exercise.CheckCell!.Value;
            var cases = checks.For(cell, exercise.Id);
            runs.Add(new ExerciseRun(exercise, cases));
            if (stop is not null && stop.Cell <= cell) continue;
            if (RunStop.ErrorOf(executed.Cells[cell]) is { } error)
                violations.Add(Problem(source, exercise.Id, version, $"the check cell fails: {error}"));
            else if (cases.Count == 0)
                violations.Add(Problem(source, exercise.Id, version, "the check cell reported no case results (does it call Exercise.Check?)"));
            if (checks.Foreign(cell, exercise.Id) > 0)
                violations.Add(Problem(source, exercise.Id, version, "the check cell reports results for another exercise id"));
        }
        return runs;
    }

    private static Violation Problem(SourceNotebook source, string? exercise, string version, string problem) =>
        new(Path.GetFileName(source.Name), exercise, version, problem);
}
