namespace Course.Kit.Exercises;

/// <summary>
/// How the grader receives check results without reading notebook output: the process that runs a notebook for
/// grading sets <see cref="Sink"/> before the first cell, and every exercise case reports its full
/// <see cref="CaseResult"/> to it (hidden cases included, with their messages) as soon as it has run. Internal, so a
/// notebook cell cannot replace it or report results of its own.
/// </summary>
internal static class GradingChannel
{
    /// <summary>Receives every case result; null outside grading.</summary>
    internal static Action<CaseResult>? Sink { get; set; }
}
