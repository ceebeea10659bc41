namespace Course.Kit.Exercises;

/// <summary>
/// The outcome of one exercise case: what the grader records and the result panel shows.
/// </summary>
/// <param name="Exercise">The exercise id, e.g. "02.2".</param>
/// <param name="Case">The case name, unique within the exercise.</param>
/// <param name="Hidden">True for a hidden case: the panel shows only whether it passed, never its message or hint.</param>
/// <param name="Passed">Whether the case passed.</param>
/// <param name="Points">Points earned: <paramref name="MaxPoints"/> when passed, else 0.</param>
/// <param name="MaxPoints">Points the case is worth.</param>
/// <param name="Message">Why it failed (what differs, the exception); null when passed.</param>
/// <param name="Hint">The author's hint for a failure; null when there is none.</param>
public sealed record CaseResult(string Exercise, string Case, bool Hidden, bool Passed, double Points, double MaxPoints,
    string? Message, string? Hint);
