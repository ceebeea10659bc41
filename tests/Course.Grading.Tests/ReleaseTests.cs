using System.Text.Json.Nodes;
using Course.Notebooks.Exercises;
using Course.Notebooks.Files;
using Course.Notebooks.Tests;
using static Course.Grading.Tests.SourceBuilder;

namespace Course.Grading.Tests;

public class ReleaseTests
{
    private static Notebook Released() => StudentVersion.Of(SourceNotebook.Parse(AddExercise()));

    [Fact]
    public void Solution_region_becomes_a_stub_at_its_indentation()
    {
        Assert.Equal("""
            int Add(int a, int b)
            {
                throw new NotImplementedException("Exercise 01.1: Add two numbers");
            }
            """, Released().Cells[2].Source);
    }

    [Fact]
    public void Hidden_tests_are_removed_and_visible_ones_kept()
    {
        string check = Released().Cells[3].Source;

        Assert.Contains("ex.Case(\"small\"", check);
        Assert.DoesNotContain("negative", check);
        Assert.DoesNotContain("HIDDEN", check);
    }

    [Fact]
    public void Markdown_solution_becomes_the_answer_placeholder()
    {
        var answer = Marked(Cell.Markdown("Why?\n<!-- BEGIN SOLUTION -->\nBecause it is.\n<!-- END SOLUTION -->\nEnd."), "01.2", "solution");
        var student = StudentVersion.Of(SourceNotebook.Parse(NotebookOf("/c/md.ipynb", answer)));

        Assert.Equal("Why?\nYOUR ANSWER HERE\nEnd.", student.Cells[0].Source);
    }

    [Fact]
    public void Stub_message_is_a_valid_string_literal_when_the_title_has_quotes()
    {
        var source = SourceNotebook.Parse(NotebookOf("/c/q.ipynb",
            Instructions("01.1", "Exercise 01.1 - the \"add\" \\ function"), Solution("01.1", AddSolution), Check("01.1", 1, "1")));

        Assert.Contains("""throw new NotImplementedException("Exercise 01.1: the \"add\" \\ function");""",
            StudentVersion.Of(source).Cells[1].Source);
    }

    [Fact]
    public void Locked_and_check_cells_are_read_only_and_solutions_undeletable()
    {
        var cells = Released().Cells;

        foreach (int i in new[] { 0, 1, 3 })
            Assert.Equal((false, false), ((bool)cells[i].Metadata["editable"]!, (bool)cells[i].Metadata["deletable"]!));
        Assert.False(cells[2].Metadata.ContainsKey("editable"));
        Assert.False((bool)cells[2].Metadata["deletable"]!);
        Assert.Equal("solution", (string?)cells[2].Metadata["course"]!["role"]);
    }

    [Fact]
    public void Outputs_and_runner_metadata_are_cleared_and_the_assignment_is_recorded()
    {
        var source = AddExercise();
        source.Cells[2].Outputs.Add(new StreamOutput("stdout", "3\n"));
        source.Cells[2].ExecutionCount = 4;
        source.Cells[2].Metadata["course"]!["duration_ms"] = 12;

        var student = StudentVersion.Of(SourceNotebook.Parse(source));

        Assert.Empty(student.Cells[2].Outputs);
        Assert.Null(student.Cells[2].ExecutionCount);
        Assert.Null(student.Cells[2].Metadata["course"]!["duration_ms"]);
        Assert.Equal("01-add", SourceNotebook.AssignmentOf(student));
        Assert.True(student.IsCSharp);
        Nbformat.AssertValid(student.ToIpynb());
    }

    [Fact]
    public void Release_writes_student_notebooks_and_a_manifest_with_checksums_of_locked_cells()
    {
        string root = Directory.CreateTempSubdirectory().FullName;
        string sources = Directory.CreateDirectory(Path.Combine(root, "source")).FullName;
        AddExercise(Path.Combine(sources, "01-add.ipynb")).Save(Path.Combine(sources, "01-add.ipynb"));
        string output = Path.Combine(root, "release");

        var manifest = Release.Folder(sources, output);

        var student = Notebook.Load(Path.Combine(output, "01-add.ipynb"));
        Assert.DoesNotContain("return a + b", student.ToIpynb());
        var entry = Assert.Single(ReleaseManifest.FromJson(File.ReadAllText(Path.Combine(output, "manifest.json"))).Notebooks);
        Assert.Equal(manifest.Notebooks[0].LockedCells, entry.LockedCells);
        Assert.Equal(["locked", "locked", "check"], entry.LockedCells.Select(c => c.Role));
        Assert.Equal(ReleaseManifest.Sha256(student.Cells[3].Source), entry.LockedCells[2].Sha256);
        Assert.Equal(student.Cells[3].Id, entry.LockedCells[2].CellId);
        Assert.Equal(new ReleasedExercise("01.1", "Add two numbers", 2), Assert.Single(entry.Exercises));
        Assert.Contains("\"locked_cells\"", File.ReadAllText(Path.Combine(output, "manifest.json")));
    }

    [Fact]
    public void Release_refuses_to_overwrite_the_sources()
    {
        string sources = Directory.CreateTempSubdirectory().FullName;

        var error = Assert.Throws<ArgumentException>(() => Release.Folder(sources, sources + "/"));

        Assert.Contains("is the source folder", error.Message);
    }
}
