using System.Text.Json.Nodes;
using Course.Notebooks.Exercises;
using Course.Notebooks.Exercises.Grading;
using Course.Notebooks.Files;
using static Course.Grading.Tests.TestAssignment;

namespace Course.Grading.Tests;

/// <summary>One class of submissions, honest and not, graded once with two workers; the tests read the results.</summary>
public sealed class GradedClass : IAsyncLifetime
{
    public string Submissions { get; } = Directory.CreateTempSubdirectory("course-grade-").FullName;
    public string Out => Path.Combine(Submissions, "..", Path.GetFileName(Submissions) + "-out");
    public GradeReport Report { get; private set; } = null!;
    public static GradeOptions Options(bool force = false) => new() { Limits = Limits, Parallel = 2, Force = force };

    public async Task InitializeAsync()
    {
        Save("full", Solved());
        Save("untouched", Released());

        var tampered = Answer(Solved(), "01.1", "double Square(double x) => x;");
        CheckCell(tampered, "01.1").Source = """Exercise.Check("01.1", "square", ex => ex.Case("square of 3", 3, () => { }))""";
        Save("tampered", tampered);

        var printer = Solved();
        SolutionCell(printer, "01.1").Source = Released().Cells.First(c => c.Source.Contains("double Square")).Source +
            "\nConsole.WriteLine(\"Exercise 01.1 · square — 3 / 3 points PASSED\");";
        Save("printer", printer);

        Save("exiter", Answer(Solved(), "01.1", "double Square(double x) { Environment.Exit(0); return 0; }"));
        Save("looper", Answer(Solved(), "01.1", "double Square(double x) { while (true) { } }"));
        Save("recurser", Answer(Solved(), "01.1", "double Square(double x) => Square(x) + 1;"));
        Save("hoarder", Answer(Solved(), "01.1",
            "double Square(double x) { var hoard = new List<byte[]>(); while (true) hoard.Add(new byte[50_000_000]); }"));

        var deleter = Solved();
        deleter.Cells.Remove(SolutionCell(deleter, "01.1"));
        Save("deleter", deleter);

        // The original answer is wrong, the copy below it right: the copy runs later, so it wins, as in the student's notebook.
        var duplicator = Answer(Solved(), "01.2", "double Mean(double[] xs) => 0;");
        var copy = Notebook.ParseIpynb(duplicator.ToIpynb()).Cells[duplicator.Cells.IndexOf(SolutionCell(duplicator, "01.2"))];
        copy.Source = Mean;
        duplicator.Cells.Insert(duplicator.Cells.IndexOf(SolutionCell(duplicator, "01.2")) + 1, copy);
        Directory.CreateDirectory(Path.Combine(Submissions, "duplicator"));
        duplicator.Save(Path.Combine(Submissions, "duplicator", "01-basics.ipynb"));

        File.WriteAllText(Path.Combine(Submissions, "garbage.ipynb"), "this is not a notebook {");

        var other = Source.Notebook.Clone();
        other.Metadata["course"] = new JsonObject { ["assignment"] = "99-other" };
        Save("stranger", StudentVersion.Of(SourceNotebook.Parse(other)));

        Report = await Grader.GradeAsync(TestAssignment.SourceFolder, Submissions, Out, Options());
    }

    private void Save(string student, Notebook notebook) => notebook.Save(Path.Combine(Submissions, student + ".ipynb"));

    public StudentGrade Student(string name) => Report.Students.Single(s => s.Student == name);

    public Task DisposeAsync() => Task.CompletedTask;
}

public class GradingEndToEndTests(GradedClass graded) : IClassFixture<GradedClass>
{
    private (double, GradeStatus) Score(string student, string exercise)
    {
        var e = graded.Student(student).Exercises.Single(x => x.Exercise == exercise);
        return (e.Points, e.Status);
    }

    private string Message(string student, string exercise) =>
        graded.Student(student).Exercises.Single(x => x.Exercise == exercise).Message;

    [Fact]
    public void Full_marks_for_correct_solutions()
    {
        Assert.Equal((5.0, 5.0), (graded.Student("full").Points, graded.Student("full").MaxPoints));
        Assert.Equal((3.0, GradeStatus.Passed), Score("full", "01.1"));
    }

    [Fact]
    public void An_untouched_released_notebook_scores_zero_with_the_stub_named()
    {
        Assert.Equal(0, graded.Student("untouched").Points);
        Assert.Equal((0.0, GradeStatus.Failed), Score("untouched", "01.1"));
        Assert.Contains("not implemented yet: Exercise 01.1: Square a number", Message("untouched", "01.1"));
    }

    [Fact]
    public void A_tampered_check_cell_is_replaced_so_the_wrong_solution_still_fails()
    {
        Assert.Equal((0.0, GradeStatus.Failed), Score("tampered", "01.1"));
        Assert.Equal((2.0, GradeStatus.Passed), Score("tampered", "01.2"));
        Assert.Contains("the check cell was edited; the original checks ran instead.",
            graded.Student("tampered").Exercises[0].Notes);
    }

    [Fact]
    public void Printing_PASSED_earns_nothing()
    {
        Assert.Equal((0.0, GradeStatus.Failed), Score("printer", "01.1"));
    }

    [Fact]
    public void Environment_Exit_in_a_solution_costs_only_that_exercise()
    {
        Assert.Equal((0.0, GradeStatus.Crashed), Score("exiter", "01.1"));
        Assert.Contains("set aside so the other exercises could be graded", Message("exiter", "01.1"));
        Assert.Equal((2.0, GradeStatus.Passed), Score("exiter", "01.2"));
    }

    [Fact]
    public void An_infinite_loop_times_out_and_costs_only_that_exercise()
    {
        Assert.Equal((0.0, GradeStatus.Timeout), Score("looper", "01.1"));
        Assert.Contains("cell timeout (10 s)", Message("looper", "01.1"));
        Assert.Equal((2.0, GradeStatus.Passed), Score("looper", "01.2"));
    }

    [Fact]
    public void A_stack_overflow_crashes_only_that_exercise()
    {
        Assert.Equal((0.0, GradeStatus.Crashed), Score("recurser", "01.1"));
        Assert.Equal((2.0, GradeStatus.Passed), Score("recurser", "01.2"));
    }

    [Fact]
    public void An_allocation_bomb_hits_the_memory_cap_and_scores_zero()
    {
        var (points, status) = Score("hoarder", "01.1");
        Assert.Equal(0, points);
        Assert.True(status is GradeStatus.Failed or GradeStatus.Crashed, $"status {status}: {Message("hoarder", "01.1")}");
        if (status == GradeStatus.Failed) Assert.Contains("OutOfMemoryException", Message("hoarder", "01.1"));
        Assert.Equal((2.0, GradeStatus.Passed), Score("hoarder", "01.2"));
    }

    [Fact]
    public void A_deleted_solution_cell_scores_zero_with_the_reason()
    {
        Assert.Equal((0.0, GradeStatus.Missing), Score("deleter", "01.1"));
        Assert.Contains("the solution cell of exercise 01.1 is missing", Message("deleter", "01.1"));
        Assert.Equal((2.0, GradeStatus.Passed), Score("deleter", "01.2"));
    }

    [Fact]
    public void A_duplicated_cell_in_a_student_folder_runs_in_place_and_the_later_copy_wins()
    {
        Assert.Equal(5, graded.Student("duplicator").Points);
        Assert.Equal(Path.Combine("duplicator", "01-basics.ipynb"), graded.Student("duplicator").Submission);
        Assert.Contains(graded.Student("duplicator").Exercises[1].Notes, n => n.Contains("the copies ran after the cell they follow"));
    }

    [Fact]
    public void A_non_JSON_file_scores_zero_without_stopping_the_batch()
    {
        Assert.Equal((0.0, GradeStatus.Rejected), Score("garbage", "01.1"));
        Assert.StartsWith("not a readable notebook: not valid JSON", Message("garbage", "01.2"));
    }

    [Fact]
    public void A_notebook_from_another_assignment_scores_zero_for_all()
    {
        Assert.All(graded.Student("stranger").Exercises, e => Assert.Equal((0.0, GradeStatus.Rejected), (e.Points, e.Status)));
        Assert.Equal("this notebook is from assignment '99-other', not '01-basics'", Message("stranger", "01.1"));
    }

    [Fact]
    public void Grades_csv_has_a_row_per_student_and_exercise_and_feedback_withholds_hidden_details()
    {
        var rows = File.ReadAllLines(Path.Combine(graded.Out, "grades.csv"));
        Assert.Equal("student,exercise,points,max_points,status,message", rows[0]);
        Assert.Equal(2 * 12 + 1, rows.Length);
        Assert.Contains("full,01.1,3,3,passed,all 3 cases passed", rows);

        string untouched = File.ReadAllText(Path.Combine(graded.Out, "feedback", "untouched.html"));
        Assert.Contains("multiply x by itself", untouched);   // a visible case's hint
        Assert.DoesNotContain("hidden hint", untouched);      // a hidden case's hint
        Assert.Contains("hidden hint", File.ReadAllText(Path.Combine(graded.Out, "gradebook.json")));
        Assert.Contains("12 submission(s) graded", File.ReadAllText(Path.Combine(graded.Out, "summary.txt")));
    }

    [Fact]
    public async Task A_second_run_without_force_changes_nothing_byte_for_byte()
    {
        var before = Snapshot(graded.Out);

        var again = await Grader.GradeAsync(TestAssignment.SourceFolder, graded.Submissions, graded.Out, GradedClass.Options());

        Assert.Equal((0, 12), (again.Graded, again.Skipped));
        Assert.Equal(before, Snapshot(graded.Out));
    }

    private static Dictionary<string, (string, DateTime)> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f,
            f => (Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))), File.GetLastWriteTimeUtc(f)));
}
