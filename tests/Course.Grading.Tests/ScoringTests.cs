using Course.Kit.Exercises;
using Course.Notebooks.Exercises;
using Course.Notebooks.Exercises.Grading;
using Course.Notebooks.Files;
using static Course.Grading.Tests.SourceBuilder;

namespace Course.Grading.Tests;

public class ScoringTests
{
    private static readonly SourceNotebook Source = SourceNotebook.Parse(AddExercise());
    private static readonly Dictionary<string, IReadOnlyList<CaseResult>> Expected = new()
    {
        ["01.1"] = [Result("small", true), Result("negative", true, hidden: true)],
    };
    private const int CheckCell = 3;

    private static CaseResult Result(string name, bool passed, bool hidden = false, string exercise = "01.1") =>
        new(exercise, name, hidden, passed, passed ? 1 : 0, 1, passed ? null : $"{name} is wrong", passed ? null : "look again");

    private static ExerciseGrade Grade(Action<CheckRecorder> report, Action<Notebook>? damage = null)
    {
        var restored = RestoredSubmission.Restore(Source, StudentVersion.Of(Source));
        var recorder = new CheckRecorder();
        recorder.CellStarted(CheckCell);
        report(recorder);
        recorder.CellFinished();
        var executed = restored.Notebook.Clone();
        damage?.Invoke(executed);
        return Assert.Single(Scoring.Grade(Source, restored, Expected, executed, recorder));
    }

    private static void Report(CheckRecorder recorder, params CaseResult[] results)
    {
        foreach (var r in results) recorder.Event(CaseEvents.ToJson(r));
    }

    [Fact]
    public void Full_marks_when_every_case_passes()
    {
        var grade = Grade(r => Report(r, Result("small", true), Result("negative", true, hidden: true)));

        Assert.Equal((2.0, 2.0, GradeStatus.Passed, "all 2 cases passed"), (grade.Points, grade.MaxPoints, grade.Status, grade.Message));
    }

    [Fact]
    public void Partial_marks_name_the_first_visible_failure_with_its_hint()
    {
        var grade = Grade(r => Report(r, Result("small", false), Result("negative", true, hidden: true)));

        Assert.Equal((1.0, GradeStatus.Partial), (grade.Points, grade.Status));
        Assert.Equal("1 of 2 cases passed; 'small': small is wrong Hint: look again", grade.Message);
    }

    [Fact]
    public void A_hidden_failure_is_reported_without_its_details()
    {
        var grade = Grade(r => Report(r, Result("small", true), Result("negative", false, hidden: true)));

        Assert.Equal("1 of 2 cases passed; a hidden case failed (its details are withheld)", grade.Message);
        Assert.DoesNotContain("negative is wrong", grade.Message);
    }

    [Fact]
    public void Injected_results_flag_tampering_and_score_zero()
    {
        var grade = Grade(r => Report(r, Result("small", true), Result("small", true), Result("negative", true, hidden: true)));

        Assert.Equal((0.0, GradeStatus.Tampered), (grade.Points, grade.Status));
        Assert.StartsWith("3 case results arrived while the checks ran, but the source's checks have 2", grade.Message);
    }

    [Fact]
    public void Results_for_another_exercise_during_the_checks_flag_tampering()
    {
        var grade = Grade(r => Report(r, Result("small", true), Result("negative", true, hidden: true), Result("x", true, exercise: "09.9")));

        Assert.Equal(GradeStatus.Tampered, grade.Status);
    }

    [Fact]
    public void Results_reported_outside_the_check_cell_earn_nothing()
    {
        var restored = RestoredSubmission.Restore(Source, StudentVersion.Of(Source));
        var recorder = new CheckRecorder();
        recorder.CellStarted(2);  // the solution cell reports "passes" by itself
        Report(recorder, Result("small", true), Result("negative", true, hidden: true));
        recorder.CellFinished();
        recorder.CellStarted(CheckCell);
        recorder.CellFinished();

        var grade = Assert.Single(Scoring.Grade(Source, restored, Expected, restored.Notebook, recorder));

        Assert.Equal((0.0, GradeStatus.Error), (grade.Points, grade.Status));
        Assert.Equal("the check cell failed before any case ran: it reported no results", grade.Message);
    }

    [Fact]
    public void A_compile_error_in_the_check_cell_is_its_message()
    {
        var grade = Grade(_ => { }, executed => executed.Cells[CheckCell].Outputs.Add(
            new ErrorOutput("CompilationError", "(2,40): error CS0103: The name 'Add' does not exist in the current context", [])));

        Assert.Equal(GradeStatus.Error, grade.Status);
        Assert.EndsWith("CompilationError: (2,40): error CS0103: The name 'Add' does not exist in the current context", grade.Message);
    }

    [Fact]
    public void A_timeout_before_the_checks_scores_zero_with_the_cell_that_stopped()
    {
        var grade = Grade(_ => { }, executed => executed.Cells[2].Outputs.Add(
            new ErrorOutput("CellTimeout", "the cell ran longer than the cell timeout (2 s); the kernel process was stopped", [])));

        Assert.Equal((0.0, GradeStatus.Timeout), (grade.Points, grade.Status));
        Assert.StartsWith("not run: the notebook stopped at cell 3 before these checks (the cell ran longer", grade.Message);
    }

    [Fact]
    public void A_crash_during_the_checks_scores_zero_even_after_some_passes()
    {
        var grade = Grade(r => Report(r, Result("small", true)), executed => executed.Cells[CheckCell].Outputs.Add(
            new ErrorOutput("KernelCrashed", "the kernel process exited (code 134) while this cell ran: Stack overflow.", [])));

        Assert.Equal((0.0, GradeStatus.Crashed), (grade.Points, grade.Status));
        Assert.Equal("the checks were stopped: the kernel process exited (code 134) while this cell ran: Stack overflow.", grade.Message);
    }
}

public class GradebookFileTests
{
    private static StudentGrade Student(string name, double points, string message = "all 2 cases passed") =>
        new(name, name + ".ipynb", "01-add", points, 2,
            [new ExerciseGrade("01.1", "Add", points, 2, points == 2 ? GradeStatus.Passed : GradeStatus.Failed, message,
                [new CaseResult("01.1", "secret", true, false, 0, 1, "the hidden message", "the hidden hint")], [])], [], 1.5, "f");

    [Fact]
    public void Grades_csv_has_one_quoted_row_per_student_and_exercise_sorted_by_student()
    {
        string csv = GradebookFiles.GradesCsv([Student("zoe", 2), Student("al", 0, "'x', \"quoted\"\nline")]);

        Assert.Equal("student,exercise,points,max_points,status,message\r\n" +
                     "al,01.1,0,2,failed,\"'x', \"\"quoted\"\"\nline\"\r\n" +
                     "zoe,01.1,2,2,passed,all 2 cases passed\r\n", csv);
    }

    [Fact]
    public void Csv_fields_that_a_spreadsheet_would_run_as_formulas_stay_text()
    {
        Assert.Contains(",'=HYPERLINK(1)\r\n", GradebookFiles.GradesCsv([Student("a", 0, "=HYPERLINK(1)")]));
    }

    [Fact]
    public void Feedback_withholds_hidden_case_details_that_the_gradebook_keeps()
    {
        var student = Student("al", 0);

        string page = FeedbackPage.Of(student);
        string gradebook = GradebookFiles.GradebookJson([student]);

        Assert.Contains("hidden case “secret”", page);
        Assert.DoesNotContain("the hidden message", page);
        Assert.DoesNotContain("the hidden hint", page);
        Assert.Contains("the hidden message", gradebook);
        Assert.Contains("\"status\": \"failed\"", gradebook);
    }

    [Fact]
    public void Summary_shows_the_distribution_and_per_exercise_results()
    {
        string summary = ScoreSummary.Of([Student("a", 2), Student("b", 0), Student("c", 0)]);

        Assert.Contains("3 submission(s) graded", summary);
        Assert.Contains("mean 33.3, median 0, min 0, max 100", summary);
        Assert.Contains("    0– 10 % | ## 2", summary);
        Assert.Contains("   90–100 % | # 1", summary);
        Assert.Contains("01.1       0.67 / 2      1/3      passed 1, failed 2", summary);
    }
}
