using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Course.Notebooks.Files;

namespace Course.Notebooks.Exercises;

/// <summary>
/// An instructor's source notebook with its exercise markup parsed and checked: roles, exercise ids, points and
/// marker regions. Release and grading work from this, never from the raw metadata.
/// </summary>
public sealed partial class SourceNotebook
{
    private SourceNotebook(Notebook notebook, string assignment, IReadOnlyList<CellMarkup?> markup, IReadOnlyList<Exercise> exercises)
    {
        Notebook = notebook;
        Assignment = assignment;
        Markup = markup;
        Exercises = exercises;
    }

    /// <summary>The notebook-level metadata key (under <c>course</c>) naming the assignment a notebook belongs to.</summary>
    public const string AssignmentKey = "assignment";

    /// <summary>The source notebook, solutions and hidden tests included.</summary>
    public Notebook Notebook { get; }

    /// <summary>
    /// The assignment id: <c>metadata.course.assignment</c> if the source sets it, else the file name without extension.
    /// Released notebooks carry it, so grading recognises a notebook from another assignment.
    /// </summary>
    public string Assignment { get; }

    /// <summary>Each cell's markup (null for a cell without any), by cell index.</summary>
    public IReadOnlyList<CellMarkup?> Markup { get; }

    /// <summary>The exercises in order of first appearance.</summary>
    public IReadOnlyList<Exercise> Exercises { get; }

    /// <summary>The name used in messages: the file path, or "&lt;notebook&gt;" for one built in memory.</summary>
    public string Name => Notebook.Path ?? "<notebook>";

    /// <summary>Reads and checks a source notebook file.</summary>
    /// <exception cref="NotebookFormatException">The file is not a readable notebook.</exception>
    /// <exception cref="MarkupException">The exercise markup is wrong; the message names the cell and line.</exception>
    public static SourceNotebook Load(string path) => Parse(Notebook.Load(path));

    /// <summary>Checks the markup of a notebook in memory.</summary>
    /// <exception cref="MarkupException">The exercise markup is wrong; the message names the cell and line.</exception>
    public static SourceNotebook Parse(Notebook notebook)
    {
        string name = notebook.Path ?? "<notebook>";
        var markup = new List<CellMarkup?>();
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            MarkupException Fail(int? line, string problem) => new(name, i + 1, cell.Id, line, problem);
            var cellMarkup = CellMarkup.Read(cell, problem => Fail(null, problem));
            CheckCell(cell, cellMarkup, Fail);
            markup.Add(cellMarkup);
        }
        string? assignment = AssignmentOf(notebook) ?? (notebook.Path is { } p ? Path.GetFileNameWithoutExtension(p) : null);
        if (string.IsNullOrEmpty(assignment))
            throw new MarkupException(name, "has no file name and no metadata.course.assignment, so no assignment id");
        return new SourceNotebook(notebook, assignment, markup, CollectExercises(notebook, markup, name));
    }

    /// <summary>The assignment id a notebook's metadata declares (<c>metadata.course.assignment</c>), or null.</summary>
    public static string? AssignmentOf(Notebook notebook) =>
        (notebook.Metadata[CellMarkup.MetadataKey] as JsonObject)?[AssignmentKey] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    /// <summary>The markers a cell may hold follow from its role; everything else is an error naming the line.</summary>
    private static void CheckCell(Cell cell, CellMarkup? markup, Func<int?, string, MarkupException> fail)
    {
        if (cell.Type == CellType.Raw)
        {
            if (markup is not null) throw fail(null, "a raw cell cannot carry exercise markup");
            return;
        }
        var solution = cell.Type == CellType.Code ? MarkerSyntax.CodeSolution : MarkerSyntax.MarkdownSolution;
        var solutionRegions = Markers.Find(cell.Source, solution, (line, problem) => fail(line, problem));
        if (solutionRegions.Count > 0 && markup?.Role != CellRole.Solution)
            throw fail(solutionRegions[0].BeginLine + 1, markup is null
                ? "solution markers in a cell without course metadata; add \"course\": {\"exercise\": \"…\", \"role\": \"solution\"}"
                : $"solution markers in a {markup.Role.ToString().ToLowerInvariant()} cell; only solution cells may hold them");
        if (Markers.Mentions(cell.Source, MarkerSyntax.HiddenTests))
        {
            var hidden = Markers.Find(cell.Source, MarkerSyntax.HiddenTests, (line, problem) => fail(line, problem));
            if (cell.Type != CellType.Code || markup?.Role != CellRole.Check)
                throw fail(hidden.Count > 0 ? hidden[0].BeginLine + 1 : null,
                    "hidden tests outside a check cell; they belong in the code cell with role check");
        }
        if (markup is null) return;
        if (markup.Role == CellRole.Check)
        {
            if (cell.Type != CellType.Code) throw fail(null, $"the check cell of exercise {markup.Exercise} is not a code cell");
            if (markup.Points is null) throw fail(null, $"the check cell of exercise {markup.Exercise} has no course.points (the exercise total)");
        }
        else if (markup.Points is not null)
        {
            throw fail(null, $"course.points belongs on the check cell of exercise {markup.Exercise}, not on a {markup.Role.ToString().ToLowerInvariant()} cell");
        }
    }

    private static List<Exercise> CollectExercises(Notebook notebook, IReadOnlyList<CellMarkup?> markup, string name)
    {
        var order = new List<string>();
        var checks = new Dictionary<string, int>();
        var solutions = new Dictionary<string, List<int>>();
        for (int i = 0; i < markup.Count; i++)
        {
            if (markup[i] is not { Exercise: { } id } m) continue;
            if (!order.Contains(id)) order.Add(id);
            if (m.Role == CellRole.Check && !checks.TryAdd(id, i))
                throw new MarkupException(name, i + 1, notebook.Cells[i].Id, null,
                    $"duplicate exercise id {id}: cell {checks[id] + 1} is already its check cell");
            if (m.Role == CellRole.Solution) (solutions.TryGetValue(id, out var list) ? list : solutions[id] = []).Add(i);
        }
        return order.Select(id => new Exercise(id, Title(notebook, markup, id),
            checks.TryGetValue(id, out int check) ? markup[check]!.Points!.Value : 0,
            checks.TryGetValue(id, out int c) ? c : null,
            solutions.TryGetValue(id, out var cells) ? cells : [])).ToList();
    }

    /// <summary>The first line of the exercise's first markdown cell, else the title its check passes to Exercise.Check.</summary>
    private static string Title(Notebook notebook, IReadOnlyList<CellMarkup?> markup, string id)
    {
        var cells = Enumerable.Range(0, markup.Count).Where(i => markup[i]?.Exercise == id).Select(i => notebook.Cells[i]).ToList();
        var instruction = cells.FirstOrDefault(c => c.Type == CellType.Markdown)?.Source
            .Split('\n').Select(l => l.Trim().TrimStart('#').Trim()).FirstOrDefault(l => l.Length > 0);
        // "Exercise 02.1: Output size" → "Output size", so the stub does not say the id twice.
        instruction = instruction is null ? null : Regex.Replace(instruction, $@"^\**Exercise\s+{Regex.Escape(id)}\**\s*[:.\-–—]?\s*", "");
        if (!string.IsNullOrEmpty(instruction)) return instruction;
        var check = cells.FirstOrDefault(c => markup[notebook.Cells.IndexOf(c)]?.Role == CellRole.Check);
        var call = check is null ? null : CheckTitle().Match(check.Source);
        return call is { Success: true } ? call.Groups[1].Value : $"exercise {id}";
    }

    /// <summary>The second argument of <c>Exercise.Check("02.1", "title", …)</c>.</summary>
    [GeneratedRegex(@"Exercise\.Check\(\s*""[^""]*""\s*,\s*""([^""\\]*)""")]
    private static partial Regex CheckTitle();
}
