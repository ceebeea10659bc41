using System.Text.Json.Nodes;
using Course.Notebooks.Files;

namespace Course.Notebooks.Exercises;

/// <summary>
/// The release transform: a source notebook becomes the student notebook. Solution regions become stubs, hidden tests
/// disappear, outputs are cleared, and locked and check cells are marked read-only with nbformat's own
/// <c>editable</c>/<c>deletable</c> keys.
/// </summary>
public static class StudentVersion
{
    /// <summary>The text that replaces a markdown solution region.</summary>
    public const string AnswerPlaceholder = "YOUR ANSWER HERE";

    /// <summary>The student notebook for <paramref name="source"/>; the source is not modified.</summary>
    public static Notebook Of(SourceNotebook source)
    {
        var student = new Notebook { Metadata = (JsonObject)source.Notebook.Metadata.DeepClone() };
        student.EnsurePolyglotMetadata();
        var course = student.Metadata[CellMarkup.MetadataKey] as JsonObject ?? [];
        course[SourceNotebook.AssignmentKey] = source.Assignment;
        student.Metadata[CellMarkup.MetadataKey] = course;
        for (int i = 0; i < source.Notebook.Cells.Count; i++)
            student.Cells.Add(CellOf(source, i));
        return student;
    }

    /// <summary>The student version of cell <paramref name="index"/>'s text (what a student receives).</summary>
    public static string SourceOf(SourceNotebook source, int index)
    {
        var cell = source.Notebook.Cells[index];
        return source.Markup[index]?.Role switch
        {
            CellRole.Solution when cell.Type == CellType.Code => StubSolutions(cell.Source, StubLine(source, index)),
            CellRole.Solution => Markers.Replace(cell.Source, FindIn(cell.Source, MarkerSyntax.MarkdownSolution),
                r => [r.Indent + AnswerPlaceholder]),
            CellRole.Check => Markers.Replace(cell.Source, FindIn(cell.Source, MarkerSyntax.HiddenTests), _ => []),
            _ => cell.Source,
        };
    }

    /// <summary>The statement that replaces a code solution region, e.g.
    /// <c>throw new NotImplementedException("Exercise 02.1: output size");</c>.</summary>
    public static string StubLine(SourceNotebook source, int index)
    {
        var exercise = source.Exercises.First(e => e.Id == source.Markup[index]!.Exercise);
        string message = $"Exercise {exercise.Id}: {exercise.Title}".Replace("\\", "\\\\").Replace("\"", "\\\"");
        return $"throw new NotImplementedException(\"{message}\");";
    }

    /// <summary>Replaces every <c>// BEGIN SOLUTION</c> region by <paramref name="stub"/>, at the region's indentation.</summary>
    public static string StubSolutions(string code, string stub) =>
        Markers.Replace(code, FindIn(code, MarkerSyntax.CodeSolution), r => [r.Indent + stub]);

    private static Cell CellOf(SourceNotebook source, int index)
    {
        var original = source.Notebook.Cells[index];
        var cell = new Cell(original.Type, SourceOf(source, index), original.Id)
        {
            Metadata = (JsonObject)original.Metadata.DeepClone(),
            Extra = (JsonObject)original.Extra.DeepClone(),
        };
        cell.Metadata.Remove(CellMarkup.MetadataKey);
        if (source.Markup[index] is not { } markup) return cell;
        cell.Metadata[CellMarkup.MetadataKey] = MarkupJson(markup);
        // nbformat's documented keys; Jupyter honours both. A student may still type in solution cells but not delete them.
        if (markup.Role != CellRole.Solution) cell.Metadata["editable"] = false;
        cell.Metadata["deletable"] = false;
        return cell;
    }

    /// <summary>Only the markup travels to the student (tool keys such as run timings do not).</summary>
    private static JsonObject MarkupJson(CellMarkup markup)
    {
        var json = new JsonObject();
        if (markup.Exercise is { } id) json["exercise"] = id;
        json["role"] = markup.Role.ToString().ToLowerInvariant();
        if (markup.Points is { } points) json["points"] = points;
        return json;
    }

    /// <summary>Regions of a cell already checked by <see cref="SourceNotebook.Parse"/>, so this cannot fail.</summary>
    private static IReadOnlyList<MarkerRegion> FindIn(string text, MarkerSyntax syntax) =>
        Markers.Find(text, syntax, (line, problem) => new MarkupException("<cell>", 0, "", line, problem));
}
