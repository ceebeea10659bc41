namespace Course.Notebooks.Exercises.Grading;

/// <summary>How an exercise was scored; written in lower case to grades.csv and gradebook.json.</summary>
public enum GradeStatus
{
    /// <summary>Every case passed: full points.</summary>
    Passed,
    /// <summary>Some cases passed.</summary>
    Partial,
    /// <summary>The checks ran and no case passed.</summary>
    Failed,
    /// <summary>The exercise's solution cell is gone from the submission: zero.</summary>
    Missing,
    /// <summary>The check cell itself failed (e.g. a compile error because a function was renamed): zero for what did not run.</summary>
    Error,
    /// <summary>The notebook ran past a cell or notebook timeout before or while the checks ran: zero.</summary>
    Timeout,
    /// <summary>The kernel process died (stack overflow, Environment.Exit, out of memory) before or while the checks ran: zero.</summary>
    Crashed,
    /// <summary>Check results did not match the source's cases (injected or suppressed results): zero, flagged for review.</summary>
    Tampered,
    /// <summary>The file is not a notebook of this assignment (another assignment, or not a notebook at all): zero.</summary>
    Rejected,
}
