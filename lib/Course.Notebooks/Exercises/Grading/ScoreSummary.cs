using System.Globalization;
using System.Text;

namespace Course.Notebooks.Exercises.Grading;

/// <summary>summary.txt: how many were graded, the score distribution as a histogram, and each exercise's results.</summary>
public static class ScoreSummary
{
    /// <summary>The summary text (also printed by <c>course grade</c>).</summary>
    public static string Of(IReadOnlyCollection<StudentGrade> students)
    {
        var text = new StringBuilder();
        text.Append($"{students.Count} submission(s) graded\n");
        if (students.Count == 0) return text.ToString();
        var percents = students.Select(s => s.MaxPoints > 0 ? 100 * s.Points / s.MaxPoints : 0).Order().ToList();
        text.Append($"score (% of max): mean {F(percents.Average())}, median {F(Median(percents))}, min {F(percents[0])}, max {F(percents[^1])}\n\n");
        text.Append("distribution\n");
        // Ten bins of 10 points, the last one closed (100 % counts in 90–100).
        var bins = new int[10];
        foreach (var p in percents) bins[Math.Min(9, (int)(p / 10))]++;
        for (int b = 0; b < 10; b++)
            text.Append($"  {b * 10,3}–{b * 10 + 10,3} % | {new string('#', bins[b])}{(bins[b] > 0 ? $" {bins[b]}" : "")}\n");
        text.Append("\nexercise   mean points   passed   statuses\n");
        foreach (var group in students.SelectMany(s => s.Exercises).GroupBy(e => e.Exercise))
        {
            var statuses = string.Join(", ", group.GroupBy(e => e.Status).OrderBy(g => g.Key)
                .Select(g => $"{GradebookFiles.Name(g.Key)} {g.Count()}"));
            text.Append($"{group.Key,-10} {Scoring.Format(group.Average(e => e.Points)) + " / " + Scoring.Format(group.First().MaxPoints),-13} " +
                        $"{group.Count(e => e.Status == GradeStatus.Passed) + "/" + group.Count(),-8} {statuses}\n");
        }
        return text.ToString();
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
