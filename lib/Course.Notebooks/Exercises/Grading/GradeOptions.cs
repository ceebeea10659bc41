using Course.Notebooks.Execution;

namespace Course.Notebooks.Exercises.Grading;

/// <summary>How <see cref="Grader"/> runs: the kernel limits, how many submissions at once, and whether to re-grade.</summary>
public sealed record GradeOptions
{
    /// <summary>Cell and notebook timeouts and the memory cap of each kernel process.</summary>
    public NotebookRunOptions Limits { get; init; } = new();

    /// <summary>Submissions graded at the same time, each in its own kernel process.</summary>
    public int Parallel { get; init; } = 1;

    /// <summary>Re-grade submissions already graded (by default a submission whose file and sources are unchanged is skipped).</summary>
    public bool Force { get; init; }

    /// <summary>Called after each submission, from any thread.</summary>
    public Action<GradeProgress>? OnProgress { get; init; }
}

/// <summary>One submission done.</summary>
/// <param name="Done">How many are done so far, this one included.</param>
/// <param name="Total">How many there are.</param>
/// <param name="Grade">Its grade.</param>
/// <param name="Skipped">True when an earlier run's grade was kept.</param>
public sealed record GradeProgress(int Done, int Total, StudentGrade Grade, bool Skipped);
