using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Notebooks.Files;

namespace Course.Notebooks.Exercises;

/// <summary>
/// The exercise markup of one cell, from its metadata:
/// <c>"course": {"exercise": "02.1", "role": "solution" | "check" | "locked", "points": 3}</c>.
/// <c>points</c> is the exercise total and sits on the check cell only.
/// </summary>
/// <param name="Exercise">The exercise id, e.g. "02.1"; null only for locked cells outside any exercise.</param>
/// <param name="Role">What the cell is for.</param>
/// <param name="Points">The exercise total on a check cell; null elsewhere.</param>
public sealed record CellMarkup(string? Exercise, CellRole Role, double? Points)
{
    /// <summary>The metadata key holding the markup (other tools' keys live beside it).</summary>
    public const string MetadataKey = "course";

    /// <summary>
    /// Reads the markup of a cell, or null when the cell has none. The <c>course</c> object may also hold keys of other
    /// tools (the runner's timings); only <c>exercise</c>, <c>role</c> and <c>points</c> are markup.
    /// </summary>
    /// <param name="cell">The cell.</param>
    /// <param name="fail">Builds the error for a problem in this cell (the caller knows the notebook and position).</param>
    public static CellMarkup? Read(Cell cell, Func<string, MarkupException> fail)
    {
        if (cell.Metadata[MetadataKey] is not JsonObject course) return null;
        var exercise = ReadString(course, "exercise", fail);
        var roleName = ReadString(course, "role", fail);
        if (exercise is null && roleName is null)
        {
            if (course.ContainsKey("points")) throw fail("course.points is set but there is no course.role or course.exercise");
            return null;
        }
        if (roleName is null) throw fail($"exercise {exercise} has no course.role (solution, check or locked)");
        var role = roleName switch
        {
            "solution" => CellRole.Solution,
            "check" => CellRole.Check,
            "locked" => CellRole.Locked,
            _ => throw fail($"course.role is '{roleName}'; it must be solution, check or locked"),
        };
        if (exercise is { Length: 0 }) throw fail("course.exercise is empty");
        if (exercise is null && role != CellRole.Locked) throw fail($"a {roleName} cell needs course.exercise (e.g. \"02.1\")");
        return new CellMarkup(exercise, role, ReadPoints(course, fail));
    }

    private static string? ReadString(JsonObject course, string key, Func<string, MarkupException> fail) =>
        course[key] switch
        {
            null => null,
            JsonValue v when v.TryGetValue(out string? s) => s,
            var other => throw fail($"course.{key} must be a string; found {other.ToJsonString()}"),
        };

    private static double? ReadPoints(JsonObject course, Func<string, MarkupException> fail) =>
        course["points"] switch
        {
            null => null,
            // Parsed from text so an int-typed node (built in memory) reads the same as one read from a file.
            JsonValue v when v.GetValueKind() == JsonValueKind.Number
                             && double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture) is var p && p > 0 => p,
            var other => throw fail($"course.points must be a positive number; found {other.ToJsonString()}"),
        };
}
