using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Course.Notebooks.Exercises.Grading;

/// <summary>
/// The machine-readable outputs of <c>course grade</c>: grades.csv (one row per student × exercise, RFC 4180, UTF-8,
/// as LMS imports take it), totals.csv (one row per student) and gradebook.json (everything, hidden cases included).
/// Students are sorted by name and exercises kept in notebook order, so the same grades give the same bytes.
/// </summary>
public static class GradebookFiles
{
    /// <summary>The options every grading JSON file is written with: indented, snake_case, statuses in lower case.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>grades.csv: <c>student,exercise,points,max_points,status,message</c>.</summary>
    public static string GradesCsv(IEnumerable<StudentGrade> students)
    {
        var csv = new StringBuilder("student,exercise,points,max_points,status,message\r\n");
        foreach (var student in Sorted(students))
            foreach (var e in student.Exercises)
                csv.Append(Row(student.Student, e.Exercise, Scoring.Format(e.Points), Scoring.Format(e.MaxPoints),
                    Name(e.Status), e.Message));
        return csv.ToString();
    }

    /// <summary>totals.csv: <c>student,assignment,points,max_points</c>, the one-column-per-assignment shape gradebooks import.</summary>
    public static string TotalsCsv(IEnumerable<StudentGrade> students)
    {
        var csv = new StringBuilder("student,assignment,points,max_points\r\n");
        foreach (var s in Sorted(students))
            csv.Append(Row(s.Student, s.Assignment, Scoring.Format(s.Points), Scoring.Format(s.MaxPoints)));
        return csv.ToString();
    }

    /// <summary>gradebook.json: every student's grade, case results included.</summary>
    public static string GradebookJson(IEnumerable<StudentGrade> students) =>
        JsonSerializer.Serialize(new { Students = Sorted(students) }, Json) + "\n";

    /// <summary>A status as the files write it, e.g. "timeout".</summary>
    public static string Name(GradeStatus status) => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());

    private static List<StudentGrade> Sorted(IEnumerable<StudentGrade> students) =>
        students.OrderBy(s => s.Student, StringComparer.Ordinal).ToList();

    /// <summary>One CSV record; fields with a comma, quote or line break are quoted, quotes doubled (RFC 4180).</summary>
    private static string Row(params string[] fields) => string.Join(",", fields.Select(Field)) + "\r\n";

    private static string Field(string value)
    {
        // A leading = + - @ makes spreadsheets run the cell as a formula; a quote mark in front keeps it text.
        if (value.Length > 0 && "=+-@".Contains(value[0]) && !double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
