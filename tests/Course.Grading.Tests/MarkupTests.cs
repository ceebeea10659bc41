using Course.Notebooks.Exercises;
using Course.Notebooks.Files;
using static Course.Grading.Tests.SourceBuilder;

namespace Course.Grading.Tests;

public class MarkupTests
{
    [Fact]
    public void Reads_exercises_with_title_points_and_cells()
    {
        var source = SourceNotebook.Parse(AddExercise());

        var exercise = Assert.Single(source.Exercises);
        Assert.Equal(("01.1", "Add two numbers", 2.0, (int?)3), (exercise.Id, exercise.Title, exercise.Points, exercise.CheckCell));
        Assert.Equal([2], exercise.SolutionCells);
        Assert.Equal("01-add", source.Assignment);
        Assert.Equal(CellRole.Locked, source.Markup[0]!.Role);
    }

    [Fact]
    public void Title_falls_back_to_the_checks_title_without_instructions()
    {
        var source = SourceNotebook.Parse(NotebookOf("/c/a.ipynb", Solution("01.1", AddSolution), Check("01.1", 2, AddCheck)));

        Assert.Equal("add", source.Exercises[0].Title);
    }

    [Theory]
    [InlineData("int F() {\n    // BEGIN SOLUTION\n    return 1;\n}", 2, "'// BEGIN SOLUTION' is never closed")]
    [InlineData("int F() {\n    return 1;\n    // END SOLUTION\n}", 3, "'// END SOLUTION' without a '// BEGIN SOLUTION' before it")]
    [InlineData("// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION", 2, "inside the region opened on line 1")]
    [InlineData("int F() {\n  // BEGIN SOLUTION here\n}", 2, "looks like a marker")]
    public void Unbalanced_or_malformed_markers_name_notebook_cell_and_line(string code, int line, string problem)
    {
        var notebook = NotebookOf("/c/bad.ipynb", Instructions("01.1", "x"), Solution("01.1", code), Check("01.1", 1, "1"));

        var error = Assert.Throws<MarkupException>(() => SourceNotebook.Parse(notebook));

        Assert.StartsWith($"/c/bad.ipynb: cell 2 (id {notebook.Cells[1].Id}), line {line}: ", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Unbalanced_markdown_solution_markers_are_an_error()
    {
        var answer = Marked(Cell.Markdown("Why?\n<!-- BEGIN SOLUTION -->\nBecause."), "01.1", "solution");
        var error = Assert.Throws<MarkupException>(() => SourceNotebook.Parse(NotebookOf("/c/md.ipynb", answer)));

        Assert.Contains("cell 1", error.Message);
        Assert.Contains("line 2: '<!-- BEGIN SOLUTION -->' is never closed", error.Message);
    }

    [Fact]
    public void Duplicate_exercise_ids_are_an_error()
    {
        var notebook = NotebookOf("/c/dup.ipynb", Solution("01.1", AddSolution), Check("01.1", 2, "1"), Check("01.1", 2, "2"));

        var error = Assert.Throws<MarkupException>(() => SourceNotebook.Parse(notebook));

        Assert.Contains("cell 3", error.Message);
        Assert.Contains("duplicate exercise id 01.1: cell 2 is already its check cell", error.Message);
    }

    [Fact]
    public void Exercise_ids_must_be_unique_across_a_source_folder()
    {
        string folder = Directory.CreateTempSubdirectory().FullName;
        AddExercise(Path.Combine(folder, "a.ipynb")).Save(Path.Combine(folder, "a.ipynb"));
        AddExercise(Path.Combine(folder, "b.ipynb")).Save(Path.Combine(folder, "b.ipynb"));

        var error = Assert.Throws<MarkupException>(() => SourceFolder.Load(folder));

        Assert.Contains("b.ipynb: duplicate exercise id 01.1", error.Message);
        Assert.Contains("a.ipynb already uses it", error.Message);
    }

    [Fact]
    public void A_check_cell_needs_points()
    {
        var check = Marked(Cell.Code("1"), "01.1", "check");
        var error = Assert.Throws<MarkupException>(() => SourceNotebook.Parse(NotebookOf("/c/p.ipynb", check)));

        Assert.Contains("cell 1", error.Message);
        Assert.Contains("the check cell of exercise 01.1 has no course.points", error.Message);
    }

    [Fact]
    public void Solution_markers_outside_a_solution_cell_are_an_error_so_no_solution_ships_by_accident()
    {
        var error = Assert.Throws<MarkupException>(() => SourceNotebook.Parse(NotebookOf("/c/s.ipynb", Cell.Code(AddSolution))));

        Assert.Contains("line 3: solution markers in a cell without course metadata", error.Message);
    }

    [Fact]
    public void Hidden_tests_outside_a_check_cell_are_an_error()
    {
        var cell = Solution("01.1", "// BEGIN HIDDEN TESTS\n// END HIDDEN TESTS");
        var error = Assert.Throws<MarkupException>(() => SourceNotebook.Parse(NotebookOf("/c/h.ipynb", cell)));

        Assert.Contains("line 1: hidden tests outside a check cell", error.Message);
    }

    [Theory]
    [InlineData("""{"role": "grader"}""", "course.role is 'grader'")]
    [InlineData("""{"role": "check", "exercise": "01.1", "points": -1}""", "course.points must be a positive number")]
    [InlineData("""{"role": "solution"}""", "a solution cell needs course.exercise")]
    [InlineData("""{"exercise": 3, "role": "check"}""", "course.exercise must be a string")]
    public void Bad_metadata_values_are_named(string course, string problem)
    {
        var cell = Cell.Code("1");
        cell.Metadata["course"] = System.Text.Json.Nodes.JsonNode.Parse(course);
        var error = Assert.Throws<MarkupException>(() => SourceNotebook.Parse(NotebookOf("/c/m.ipynb", cell)));

        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Runner_timings_under_course_are_not_markup()
    {
        var cell = Cell.Code("1");
        cell.Metadata["course"] = new System.Text.Json.Nodes.JsonObject { ["duration_ms"] = 12 };

        Assert.Null(SourceNotebook.Parse(NotebookOf("/c/t.ipynb", cell)).Markup[0]);
    }
}
