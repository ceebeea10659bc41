using Course.Notebooks.Exercises;
using Course.Notebooks.Files;
using static Course.Grading.Tests.SourceBuilder;

namespace Course.Grading.Tests;

public class RestoreTests
{
    private static readonly SourceNotebook Source = SourceNotebook.Parse(AddExercise());
    private const string StudentAnswer = "int Add(int a, int b) => a + b; // mine";

    /// <summary>The released notebook with the student's answer typed into the solution cell.</summary>
    private static Notebook Submission()
    {
        var student = StudentVersion.Of(Source);
        student.Cells[2].Source = StudentAnswer;
        return student;
    }

    private static string[] Sources(RestoredSubmission restored) => restored.Notebook.Cells.Select(c => c.Source).ToArray();

    [Fact]
    public void Runs_the_source_cells_with_the_students_solution_and_the_hidden_tests()
    {
        var restored = RestoredSubmission.Restore(Source, Submission());

        Assert.Equal([Source.Notebook.Cells[0].Source, Source.Notebook.Cells[1].Source, StudentAnswer, AddCheck], Sources(restored));
        Assert.Equal("01.1", restored.CheckCells[3]);
        Assert.Empty(restored.Missing);
        Assert.Empty(restored.Notes);
        Assert.Null(restored.Rejection);
        Assert.Equal(Source.Notebook.Path, restored.Notebook.Path);
    }

    [Fact]
    public void An_edited_check_cell_is_replaced_by_the_source_and_noted()
    {
        var submission = Submission();
        submission.Cells[3].Source = "Console.WriteLine(\"PASSED\");";

        var restored = RestoredSubmission.Restore(Source, submission);

        Assert.Equal(AddCheck, restored.Notebook.Cells[3].Source);
        Assert.Equal(new SubmissionNote("01.1", "the check cell was edited; the original checks ran instead."), Assert.Single(restored.Notes));
    }

    [Fact]
    public void Moved_cells_run_in_the_source_order()
    {
        var submission = Submission();
        (submission.Cells[2], submission.Cells[3]) = (submission.Cells[3], submission.Cells[2]);

        var restored = RestoredSubmission.Restore(Source, submission);

        Assert.Equal([StudentAnswer, AddCheck], Sources(restored)[2..]);
        Assert.Equal("01.1", restored.CheckCells[3]);
    }

    [Fact]
    public void A_deleted_check_cell_is_put_back()
    {
        var submission = Submission();
        submission.Cells.RemoveAt(3);

        var restored = RestoredSubmission.Restore(Source, submission);

        Assert.Equal(AddCheck, restored.Notebook.Cells[3].Source);
        Assert.Contains(new SubmissionNote("01.1", "the check cell was missing; the original was put back."), restored.Notes);
    }

    [Fact]
    public void A_deleted_solution_cell_scores_zero_with_a_reason_and_its_stub_keeps_the_notebook_compiling()
    {
        var submission = Submission();
        submission.Cells.RemoveAt(2);

        var restored = RestoredSubmission.Restore(Source, submission);

        Assert.Contains("is missing (deleted, or its metadata removed)", restored.Missing["01.1"]);
        Assert.Contains("throw new NotImplementedException(\"Exercise 01.1: Add two numbers\");", restored.Notebook.Cells[2].Source);
    }

    [Fact]
    public void A_duplicated_solution_cell_runs_right_after_the_original_so_the_last_definition_wins()
    {
        var submission = Submission();
        var copy = Notebook.ParseIpynb(submission.ToIpynb()).Cells[2];  // same id and metadata, as an editor's copy
        copy.Source = "int Add(int a, int b) => a - b; // second try";
        submission.Cells.Insert(3, copy);
        submission = Notebook.ParseIpynb(submission.ToIpynb());           // reading gives the copy a fresh id

        var restored = RestoredSubmission.Restore(Source, submission);

        Assert.Equal([StudentAnswer, copy.Source, AddCheck], Sources(restored)[2..]);
        Assert.Equal("01.1", restored.CheckCells[4]);
        Assert.Contains(restored.Notes, n => n.Text.StartsWith("2 code solution cells for 1 place(s)"));
    }

    [Fact]
    public void A_duplicated_check_cell_runs_once()
    {
        var submission = Submission();
        submission.Cells.Add(Notebook.ParseIpynb(submission.ToIpynb()).Cells[3]);
        submission = Notebook.ParseIpynb(submission.ToIpynb());

        var restored = RestoredSubmission.Restore(Source, submission);

        Assert.Equal(4, restored.Notebook.Cells.Count);
        Assert.Single(restored.CheckCells);
    }

    [Fact]
    public void Cells_the_student_added_run_after_the_cell_they_follow()
    {
        var submission = Submission();
        submission.Cells.Insert(3, Cell.Code("Console.WriteLine(Add(2, 2));"));
        submission.Cells.Insert(0, Cell.Code("var early = 1;"));

        var restored = RestoredSubmission.Restore(Source, submission);

        Assert.Equal("var early = 1;", restored.Notebook.Cells[0].Source);
        Assert.Equal([StudentAnswer, "Console.WriteLine(Add(2, 2));", AddCheck], Sources(restored)[3..]);
        Assert.Equal("01.1", restored.CheckCells[5]);
    }

    [Fact]
    public void Edits_to_ordinary_source_cells_are_ignored()
    {
        var submission = Submission();
        submission.Cells[0].Source = "Environment.Exit(0);";

        var restored = RestoredSubmission.Restore(Source, submission);

        Assert.Equal(Source.Notebook.Cells[0].Source, restored.Notebook.Cells[0].Source);
        Assert.Contains(new SubmissionNote(null, "locked cell 1 was edited; the original ran instead."), restored.Notes);
    }

    [Fact]
    public void A_solution_cell_that_lost_its_metadata_is_still_found_by_its_cell_id()
    {
        var submission = Submission();
        submission.Cells[2].Metadata.Remove("course");

        var restored = RestoredSubmission.Restore(Source, submission);

        Assert.Equal(StudentAnswer, restored.Notebook.Cells[2].Source);
        Assert.Empty(restored.Missing);
    }

    [Fact]
    public void A_notebook_declaring_another_assignment_is_rejected()
    {
        var other = StudentVersion.Of(SourceNotebook.Parse(AddExercise("/course/07-other.ipynb")));

        var restored = RestoredSubmission.Restore(Source, other);

        Assert.Equal("this notebook is from assignment '07-other', not '01-add'", restored.Rejection);
    }

    [Fact]
    public void A_notebook_without_any_of_the_exercises_is_rejected()
    {
        var stranger = NotebookOf("/x/y.ipynb", Cell.Code("1 + 1"));

        var restored = RestoredSubmission.Restore(Source, stranger);

        Assert.Contains("declares no assignment and holds no exercise of '01-add' (exercises 01.1)", restored.Rejection);
    }
}

public class SetAsideTests
{
    private static readonly SourceNotebook Source = SourceNotebook.Parse(AddExercise());

    [Fact]
    public void Setting_aside_a_solution_cell_puts_the_stub_back_and_drops_its_copies()
    {
        var submission = StudentVersion.Of(Source);
        submission.Cells[2].Source = "int Add(int a, int b) { while (true) { } }";
        var copy = Notebook.ParseIpynb(submission.ToIpynb()).Cells[2];
        submission.Cells.Insert(3, copy);
        submission = Notebook.ParseIpynb(submission.ToIpynb());
        var restored = RestoredSubmission.Restore(Source, submission);

        var rest = restored.SetAside(2)!;

        Assert.Equal(4, rest.Notebook.Cells.Count);
        Assert.Contains("NotImplementedException", rest.Notebook.Cells[2].Source);
        Assert.Equal("01.1", rest.CheckCells[3]);
    }

    [Fact]
    public void Setting_aside_an_added_cell_removes_it_and_a_source_cell_cannot_be_set_aside()
    {
        var submission = StudentVersion.Of(Source);
        submission.Cells.Insert(1, Cell.Code("while (true) { }"));
        var restored = RestoredSubmission.Restore(Source, submission);

        var rest = restored.SetAside(1)!;

        Assert.DoesNotContain(rest.Notebook.Cells, c => c.Source.Contains("while"));
        Assert.Null(rest.SetAside(0));
        var stubbed = rest.SetAside(3)!;  // the check cell: the student's solution gives way to the stub …
        Assert.Null(stubbed.SetAside(3)); // … after which nothing of the student's is left to set aside
    }
}
