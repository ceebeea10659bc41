using System.Text.Json.Nodes;
using Course.Notebooks.Exercises;
using Course.Notebooks.Exercises.Grading;
using Course.Notebooks.Execution;
using Course.Notebooks.Files;

namespace Course.Grading.Tests;

/// <summary>
/// `course grade` on the real chapter 02 with three students: one who solved everything, one who solved two exercises
/// (02.1 and 02.3), one who handed in the released notebook untouched. The chapter's closing section (training the CNN)
/// holds no exercise, so the source is cut after the last check cell: the grades are the same, in seconds not minutes.
/// </summary>
public class Chapter02GradingTests
{
    private static readonly string Chapter = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "notebooks", "02-convolution.ipynb");

    [Fact]
    public async Task FullPartialAndUntouchedSubmissions_GetTheExpectedScores()
    {
        string root = Directory.CreateTempSubdirectory("course-grade-ch02-").FullName;
        string sourceFolder = Path.Combine(root, "source"), submissions = Path.Combine(root, "submissions");
        Directory.CreateDirectory(sourceFolder);
        Directory.CreateDirectory(submissions);

        var chapter = Notebook.Load(Chapter);
        int lastCheck = chapter.Cells.FindLastIndex(c => Role(c) == "check");
        chapter.Cells.RemoveRange(lastCheck + 1, chapter.Cells.Count - lastCheck - 1);
        string sourcePath = Path.Combine(sourceFolder, "02-convolution.ipynb");
        chapter.Save(sourcePath);
        var source = SourceNotebook.Load(sourcePath);
        var exercises = source.Exercises.Select(e => e.Id).ToList();
        Assert.Equal(["02.1", "02.2", "02.3", "02.4", "02.5", "02.6"], exercises);

        Submit("full", exercises);
        Submit("partial", ["02.1", "02.3"]);
        Submit("untouched", []);
        var report = await Grader.GradeAsync(sourceFolder, submissions, Path.Combine(root, "out"), new GradeOptions
        {
            Parallel = 2,
            Limits = new NotebookRunOptions { CellTimeout = TimeSpan.FromSeconds(60), NotebookTimeout = TimeSpan.FromMinutes(5) },
        });

        StudentGrade Student(string name) => report.Students.Single(s => s.Student == name);
        double Points(string exercise) => Student("full").Exercises.Single(e => e.Exercise == exercise).MaxPoints;
        double total = exercises.Sum(Points);
        Assert.Equal(22, total);
        Assert.Equal((total, total), (Student("full").Points, Student("full").MaxPoints));
        Assert.All(Student("full").Exercises, e => Assert.Equal(GradeStatus.Passed, e.Status));

        Assert.Equal(Points("02.1") + Points("02.3"), Student("partial").Points);
        foreach (var e in Student("partial").Exercises)
            Assert.Equal(e.Exercise is "02.1" or "02.3" ? GradeStatus.Passed : GradeStatus.Failed, e.Status);

        Assert.Equal(0, Student("untouched").Points);
        Assert.All(Student("untouched").Exercises, e =>
        {
            Assert.Equal(GradeStatus.Failed, e.Status);
            Assert.Contains("not implemented", e.Message);
        });

        // The student's released notebook with the instructor's answers typed into the chosen solution cells.
        void Submit(string student, IReadOnlyCollection<string> solved)
        {
            var notebook = StudentVersion.Of(source);
            foreach (var exercise in solved)
                Solution(notebook, exercise).Source = Solution(source.Notebook, exercise).Source;
            notebook.Save(Path.Combine(submissions, student + ".ipynb"));
        }
    }

    private static Cell Solution(Notebook notebook, string exercise) =>
        notebook.Cells.Single(c => Role(c) == "solution" && (string?)c.Metadata["course"]!["exercise"] == exercise);

    private static string? Role(Cell cell) => cell.Metadata["course"] is JsonObject course ? (string?)course["role"] : null;
}
