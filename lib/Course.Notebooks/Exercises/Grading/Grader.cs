using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Course.Kit;
using Course.Kit.Exercises;
using Course.Notebooks.Files;

namespace Course.Notebooks.Exercises.Grading;

/// <summary>What one <c>course grade</c> run produced.</summary>
/// <param name="Students">Every current submission's grade, sorted by student.</param>
/// <param name="Graded">How many were graded in this run.</param>
/// <param name="Skipped">How many kept an earlier run's grade.</param>
/// <param name="Summary">The text of summary.txt.</param>
public sealed record GradeReport(IReadOnlyList<StudentGrade> Students, int Graded, int Skipped, string Summary);

/// <summary>
/// <c>course grade</c>: grades every submission against the source notebooks, each in its own kernel process, and
/// writes the gradebook. Output folder layout: grades.csv, totals.csv, gradebook.json, summary.txt, feedback/STUDENT.html
/// (for students), results/STUDENT.json (what a re-run reuses) and notebooks/STUDENT.ipynb (the executed, restored
/// notebook with hidden tests: for instructors only). Every file is written atomically; a file whose content would not
/// change is not rewritten, so a re-run with nothing new changes nothing.
/// </summary>
public static class Grader
{
    /// <summary>Grades the submissions in <paramref name="submissionsFolder"/>.</summary>
    /// <exception cref="MarkupException">A source has bad markup.</exception>
    /// <exception cref="GradingException">A source fails its own checks (run <c>course verify</c>).</exception>
    public static async Task<GradeReport> GradeAsync(string sourceFolder, string submissionsFolder, string outFolder,
        GradeOptions options, CancellationToken cancellation = default)
    {
        var sources = SourceFolder.Load(sourceFolder);
        string sourcesHash = Hash(string.Join("\n", sources.Select(s => $"{Path.GetFileName(s.Name)}\n{File.ReadAllText(s.Name)}")));
        var submissions = Submissions.Find(submissionsFolder, sources.Select(s => Path.GetFileName(s.Name)).ToList());
        var expected = new ExpectedCases(sources, options);
        var grades = new ConcurrentDictionary<string, StudentGrade>();
        int done = 0, graded = 0;
        await Parallel.ForEachAsync(submissions,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallel), CancellationToken = cancellation },
            async (submission, token) =>
            {
                string fingerprint = Hash(sourcesHash + "\n" + (submission.Path is null ? submission.Problem : Hash(File.ReadAllBytes(submission.Path))));
                string resultFile = Path.Combine(outFolder, "results", submission.Student + ".json");
                var previous = options.Force ? null : Previous(resultFile, fingerprint);
                StudentGrade grade;
                bool finished = true;
                try
                {
                    grade = previous ?? await GradeOneAsync(submission, sources, expected, fingerprint, outFolder, options, token);
                }
                catch (Exception e) when (e is not (GradingException or OperationCanceledException))
                {
                    // The grader itself failed (say, a kernel could not start): reported, not kept, so a re-run retries.
                    grade = Failure(submission, sources, fingerprint, e);
                    finished = false;
                }
                if (previous is null && finished)
                {
                    Interlocked.Increment(ref graded);
                    WriteIfChanged(resultFile, JsonSerializer.Serialize(grade, GradebookFiles.Json) + "\n");
                    WriteIfChanged(Path.Combine(outFolder, "feedback", submission.Student + ".html"), FeedbackPage.Of(grade));
                }
                grades[submission.Student] = grade;
                options.OnProgress?.Invoke(new GradeProgress(Interlocked.Increment(ref done), submissions.Count, grade, previous is not null));
            });

        var all = grades.Values.OrderBy(g => g.Student, StringComparer.Ordinal).ToList();
        string summary = ScoreSummary.Of(all);
        WriteIfChanged(Path.Combine(outFolder, "grades.csv"), GradebookFiles.GradesCsv(all));
        WriteIfChanged(Path.Combine(outFolder, "totals.csv"), GradebookFiles.TotalsCsv(all));
        WriteIfChanged(Path.Combine(outFolder, "gradebook.json"), GradebookFiles.GradebookJson(all));
        WriteIfChanged(Path.Combine(outFolder, "summary.txt"), summary);
        return new GradeReport(all, graded, submissions.Count - graded, summary);
    }

    private static async Task<StudentGrade> GradeOneAsync(Submission submission, IReadOnlyList<SourceNotebook> sources,
        ExpectedCases expected, string fingerprint, string outFolder, GradeOptions options, CancellationToken cancellation)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        StudentGrade Result(SourceNotebook? source, List<ExerciseGrade> exercises, List<string> notes) => new(
            submission.Student, submission.RelativePath, source?.Assignment ?? string.Join(", ", sources.Select(s => s.Assignment)),
            exercises.Sum(e => e.Points), exercises.Sum(e => e.MaxPoints), exercises, notes,
            Math.Round(clock.Elapsed.TotalSeconds, 1), fingerprint);
        List<ExerciseGrade> ZeroForAll(SourceNotebook? source, string reason) =>
            (source is null ? sources : [source]).SelectMany(s => Scoring.Zero(s, GradeStatus.Rejected, reason)).ToList();

        if (submission.Path is null) return Result(null, ZeroForAll(null, submission.Problem!), []);
        Notebook notebook;
        try
        {
            notebook = Notebook.Load(submission.Path);
        }
        catch (NotebookFormatException e)
        {
            return Result(null, ZeroForAll(sources.Count == 1 ? sources[0] : null, $"not a readable notebook: {e.Problem}"), []);
        }
        var source = Match(sources, notebook, submission.Path);
        if (source is null)
            return Result(null, ZeroForAll(null, $"cannot tell which assignment this notebook is ({SourceNotebook.AssignmentOf(notebook) ?? "it declares none"})"), []);
        var restored = RestoredSubmission.Restore(source, notebook);
        if (restored.Rejection is { } rejection) return Result(source, ZeroForAll(source, rejection), []);

        var expectedCases = await expected.ForAsync(source, cancellation);
        clock.Restart();  // the submission's own time, without waiting for the source's reference run
        var (exercises, notes, executed) = await RunWithSetAsidesAsync(source, restored, expectedCases, options, cancellation);
        executed.Save(Path.Combine(outFolder, "notebooks", submission.Student + ".ipynb"));
        return Result(source, exercises, notes);
    }

    private static StudentGrade Failure(Submission submission, IReadOnlyList<SourceNotebook> sources, string fingerprint, Exception e)
    {
        var exercises = sources.SelectMany(s => Scoring.Zero(s, GradeStatus.Error, $"the grader failed on this submission: {e.Message}")).ToList();
        return new StudentGrade(submission.Student, submission.RelativePath, string.Join(", ", sources.Select(s => s.Assignment)),
            0, exercises.Sum(x => x.MaxPoints), exercises, [], 0, fingerprint);
    }

    /// <summary>
    /// Runs the restored submission; when a timeout or crash stops it in a cell of the student's, that exercise gets
    /// the stop as its grade, its cells give way to the stubs, and the notebook runs again, so one runaway solution
    /// costs only its own exercise. At most one re-run per exercise.
    /// </summary>
    private static async Task<(List<ExerciseGrade>, List<string>, Notebook)> RunWithSetAsidesAsync(SourceNotebook source,
        RestoredSubmission restored, IReadOnlyDictionary<string, IReadOnlyList<CaseResult>> expected, GradeOptions options,
        CancellationToken cancellation)
    {
        var stopped = new Dictionary<string, (GradeStatus Status, string Message)>();
        var notes = restored.Notes.Where(n => n.Exercise is null).Select(n => n.Text).ToList();
        for (int attempt = 0; ; attempt++)
        {
            var (run, checks) = await GradingKernel.RunAsync(restored.Notebook, options.Limits, cancellation);
            var stop = RunStop.Find(run.Executed);
            var next = stop is null || attempt > source.Exercises.Count ? null : restored.SetAside(stop.Cell);
            if (stop is null || next is null)
            {
                var grades = Scoring.Grade(source, restored, expected, run.Executed, checks)
                    .Select(g => stopped.TryGetValue(g.Exercise, out var s) ? g with { Points = 0, Status = s.Status, Message = s.Message, Cases = [] } : g)
                    .ToList();
                return (grades, notes, run.Executed);
            }
            string what = $"{GradebookFiles.Name(stop.Status)} in cell {stop.Cell + 1}: {stop.Reason}";
            if (restored.ExerciseOf(stop.Cell) is { } exercise)
                stopped.TryAdd(exercise, (stop.Status, $"your code stopped the notebook ({what}); it was set aside so the other exercises could be graded"));
            else
                notes.Add($"a cell you added stopped the notebook ({what}); it was skipped so the exercises could be graded");
            restored = next;
        }
    }

    /// <summary>The source a submission belongs to: by declared assignment, else by file name, else the only one.</summary>
    private static SourceNotebook? Match(IReadOnlyList<SourceNotebook> sources, Notebook notebook, string path)
    {
        if (sources.Count == 1) return sources[0];
        if (SourceNotebook.AssignmentOf(notebook) is { } declared) return sources.FirstOrDefault(s => s.Assignment == declared);
        return sources.FirstOrDefault(s => Path.GetFileName(s.Name) == Path.GetFileName(path));
    }

    private static StudentGrade? Previous(string resultFile, string fingerprint)
    {
        try
        {
            var grade = JsonSerializer.Deserialize<StudentGrade>(File.ReadAllText(resultFile), GradebookFiles.Json);
            return grade?.Fingerprint == fingerprint ? grade : null;
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;  // missing or damaged: grade again
        }
    }

    /// <summary>Writes atomically, and only when the content differs, so a re-run leaves unchanged files untouched.</summary>
    private static void WriteIfChanged(string path, string text)
    {
        if (File.Exists(path) && File.ReadAllText(path) == text) return;
        AtomicFile.WriteAllText(path, text);
    }

    private static string Hash(string text) => Hash(Encoding.UTF8.GetBytes(text));

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
