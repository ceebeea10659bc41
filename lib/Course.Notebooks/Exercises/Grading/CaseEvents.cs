using System.Text.Json.Nodes;
using Course.Kit.Exercises;

namespace Course.Notebooks.Exercises.Grading;

/// <summary>
/// Check results travel from the kernel process to the grader as their own event kind on the runner's event stream:
/// <c>{"kind":"exercise_case","exercise":"02.1","case":"…","hidden":false,"passed":true,"points":1,"max_points":1,
/// "message":null,"hint":null}</c>. The kernel writes them from the kit's internal grading sink, never from notebook
/// output, and the grader counts them only while a check cell restored from the source runs.
/// </summary>
public static class CaseEvents
{
    /// <summary>The event kind.</summary>
    public const string Kind = "exercise_case";

    /// <summary>Longest message or hint forwarded: the grader shows a short reason, not a whole tensor dump.</summary>
    private const int MaxTextLength = 500;

    /// <summary>
    /// In the kernel process: sends every case result of the kit's checks through <paramref name="send"/>, the
    /// runner's own event writer (see <see cref="Execution.KernelProcess.RunAsync"/>).
    /// </summary>
    public static void ForwardTo(Action<JsonObject> send) => GradingChannel.Sink = result => send(ToJson(result));

    /// <summary>The event for one case result.</summary>
    public static JsonObject ToJson(CaseResult result) => new()
    {
        ["kind"] = Kind, ["exercise"] = result.Exercise, ["case"] = result.Case, ["hidden"] = result.Hidden,
        ["passed"] = result.Passed, ["points"] = result.Points, ["max_points"] = result.MaxPoints,
        ["message"] = Shortened(result.Message), ["hint"] = Shortened(result.Hint),
    };

    /// <summary>The case result in an event, or null when <paramref name="message"/> is another kind or malformed.</summary>
    public static CaseResult? FromJson(JsonObject message)
    {
        if ((string?)message["kind"] != Kind) return null;
        try
        {
            return new CaseResult((string?)message["exercise"] ?? "", (string?)message["case"] ?? "",
                (bool?)message["hidden"] ?? false, (bool?)message["passed"] ?? false, (double?)message["points"] ?? 0,
                (double?)message["max_points"] ?? 0, (string?)message["message"], (string?)message["hint"]);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? Shortened(string? text) =>
        text is { Length: > MaxTextLength } ? text[..MaxTextLength] + " …" : text;
}
