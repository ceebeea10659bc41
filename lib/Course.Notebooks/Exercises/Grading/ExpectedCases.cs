using Course.Kit.Exercises;

namespace Course.Notebooks.Exercises.Grading;

/// <summary>A source notebook that fails its own checks: grading against it would be meaningless.</summary>
public sealed class GradingException(string message) : Exception(message);

/// <summary>
/// The cases each source's checks report when run on the source itself: what a submission's results are compared
/// with, name for name. Each source runs once, the first time a submission needs it.
/// </summary>
internal sealed class ExpectedCases(IReadOnlyList<SourceNotebook> sources, GradeOptions options)
{
    private readonly Dictionary<SourceNotebook, Lazy<Task<IReadOnlyDictionary<string, IReadOnlyList<CaseResult>>>>> _runs =
        sources.ToDictionary(s => s, s => new Lazy<Task<IReadOnlyDictionary<string, IReadOnlyList<CaseResult>>>>(() => RunAsync(s, options)));

    /// <summary>The source's cases per exercise.</summary>
    /// <exception cref="GradingException">The source fails its own checks.</exception>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<CaseResult>>> ForAsync(SourceNotebook source, CancellationToken cancellation) =>
        _runs[source].Value.WaitAsync(cancellation);

    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<CaseResult>>> RunAsync(SourceNotebook source, GradeOptions options)
    {
        var (exercises, violations) = await SourceCheck.RunSourceAsync(source, options.Limits);
        if (violations.Count > 0)
            throw new GradingException($"{source.Name} fails its own checks, so it cannot grade anything (run course verify): " +
                                       string.Join("; ", violations.Select(v => $"{v.Exercise ?? "notebook"}: {v.Problem}")));
        return exercises.ToDictionary(e => e.Exercise.Id, e => e.Cases);
    }
}
