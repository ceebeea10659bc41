using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Course.Notebooks.Exercises;

/// <summary>
/// What <c>course release</c> wrote (manifest.json next to the student notebooks): each notebook's assignment id, its
/// exercises, and the SHA-256 of every locked and check cell's released text, so anyone can tell whether a returned
/// notebook's locked cells were edited.
/// </summary>
/// <param name="Notebooks">One entry per released notebook, by file name.</param>
public sealed record ReleaseManifest(IReadOnlyList<ReleasedNotebook> Notebooks)
{
    /// <summary>The manifest's file name in the release folder.</summary>
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The manifest entry for one source notebook.</summary>
    public static ReleasedNotebook Describe(SourceNotebook source, string file) => new(file, source.Assignment,
        source.Exercises.Select(e => new ReleasedExercise(e.Id, e.Title, e.Points)).ToList(),
        Enumerable.Range(0, source.Notebook.Cells.Count)
            .Where(i => source.Markup[i] is { Role: CellRole.Check or CellRole.Locked })
            .Select(i => new LockedCell(source.Notebook.Cells[i].Id, source.Markup[i]!.Exercise,
                source.Markup[i]!.Role.ToString().ToLowerInvariant(), Sha256(StudentVersion.SourceOf(source, i))))
            .ToList());

    /// <summary>The lower-case hex SHA-256 of a cell's text in UTF-8.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The manifest as indented JSON with snake_case keys.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";

    /// <summary>Reads a manifest written by <see cref="ToJson"/>.</summary>
    public static ReleaseManifest FromJson(string json) =>
        JsonSerializer.Deserialize<ReleaseManifest>(json, Options) ?? throw new JsonException("the manifest is null");
}

/// <summary>One released notebook in the manifest.</summary>
/// <param name="File">The file name in the release folder.</param>
/// <param name="Assignment">The assignment id the notebook carries in its metadata.</param>
/// <param name="Exercises">Its exercises.</param>
/// <param name="LockedCells">Its locked and check cells with checksums.</param>
public sealed record ReleasedNotebook(string File, string Assignment, IReadOnlyList<ReleasedExercise> Exercises,
    IReadOnlyList<LockedCell> LockedCells);

/// <summary>One exercise in the manifest.</summary>
/// <param name="Id">The exercise id.</param>
/// <param name="Title">The exercise's title.</param>
/// <param name="Points">Its total points (0 when graded by hand).</param>
public sealed record ReleasedExercise(string Id, string Title, double Points);

/// <summary>One read-only cell in the manifest.</summary>
/// <param name="CellId">The nbformat cell id.</param>
/// <param name="Exercise">Its exercise id, or null for a locked cell outside any exercise.</param>
/// <param name="Role">"check" or "locked".</param>
/// <param name="Sha256">SHA-256 (hex) of the released cell text in UTF-8.</param>
public sealed record LockedCell(string CellId, string? Exercise, string Role, string Sha256);
