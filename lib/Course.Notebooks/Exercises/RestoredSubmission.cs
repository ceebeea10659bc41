using System.Text.Json.Nodes;
using Course.Notebooks.Files;

namespace Course.Notebooks.Exercises;

/// <summary>A remark about one submission, for its feedback page; <see cref="Exercise"/> is null for the whole notebook.</summary>
/// <param name="Exercise">The exercise it concerns, or null.</param>
/// <param name="Text">What was found and what the grader did about it.</param>
public sealed record SubmissionNote(string? Exercise, string Text);

/// <summary>
/// A submission rebuilt for grading on the source's skeleton. Every cell comes from the source (checks with their hidden
/// tests, locked and ordinary cells), except the student's solution cells, matched by exercise id (then cell id, then
/// order), and the cells the student added, which run after the cell they followed. Edits to check and locked cells
/// therefore change nothing, and moved, duplicated or deleted cells are handled.
/// </summary>
public sealed class RestoredSubmission
{
    private readonly SourceNotebook _source;

    private RestoredSubmission(SourceNotebook source, IReadOnlyList<GradedCell> cells,
        IReadOnlyDictionary<string, string> missing, IReadOnlyList<SubmissionNote> notes, string? rejection)
    {
        _source = source;
        Cells = cells;
        Missing = missing;
        Notes = notes;
        Rejection = rejection;
        Notebook = new Notebook { Metadata = (JsonObject)source.Notebook.Metadata.DeepClone(), Path = source.Notebook.Path };
        Notebook.Cells.AddRange(cells.Select(c => c.Cell));
        CheckCells = Enumerable.Range(0, cells.Count)
            .Where(i => cells[i].SourceIndex is { } s && source.Markup[s] is { Role: CellRole.Check })
            .ToDictionary(i => i, i => source.Markup[cells[i].SourceIndex!.Value]!.Exercise!);
    }

    /// <summary>The notebook to run; its <see cref="Files.Notebook.Path"/> is the source's, so relative paths resolve alike.</summary>
    public Notebook Notebook { get; }

    /// <summary>Where each cell of <see cref="Notebook"/> came from.</summary>
    public IReadOnlyList<GradedCell> Cells { get; }

    /// <summary>The index in <see cref="Notebook"/> of each check cell restored from the source, with its exercise id.
    /// Scores count only while one of these cells runs, and only for its exercise.</summary>
    public IReadOnlyDictionary<int, string> CheckCells { get; }

    /// <summary>Exercises that score zero whatever runs, with the reason (their solution cells are gone).</summary>
    public IReadOnlyDictionary<string, string> Missing { get; }

    /// <summary>What the grader noticed and did (edited check cells restored, duplicates, added cells).</summary>
    public IReadOnlyList<SubmissionNote> Notes { get; }

    /// <summary>Why the whole submission scores zero without running (a notebook of another assignment), or null.</summary>
    public string? Rejection { get; }

    /// <summary>The exercise a cell belongs to (its source slot's exercise), or null for the student's added cells.</summary>
    public string? ExerciseOf(int index) => Cells[index].SourceIndex is { } s ? _source.Markup[s]?.Exercise : null;

    /// <summary>
    /// The same submission without what stopped a run at cell <paramref name="index"/>: a cell the student added is
    /// dropped; a solution or check cell of an exercise gets that exercise's released stubs in all its solution slots
    /// (its copies are dropped too), so the rest of the notebook can run and be graded.
    /// </summary>
    /// <returns>The new submission, or null when the cell is the source's own and nothing of the student's can be set aside.</returns>
    public RestoredSubmission? SetAside(int index)
    {
        var cell = Cells[index];
        if (cell.SourceIndex is null)
            return new RestoredSubmission(_source, Cells.Where((_, i) => i != index).ToList(), Missing, Notes, Rejection);
        if (ExerciseOf(index) is not { } exercise || !Cells.Any(c => c.FromStudent && c.SourceIndex is { } s && _source.Markup[s]?.Exercise == exercise))
            return null;
        var cells = Cells
            .Where(c => c.SourceIndex is not null || c.CopyOf != exercise)
            .Select(c => c.FromStudent && c.SourceIndex is { } s && _source.Markup[s]?.Exercise == exercise
                ? new GradedCell(SourceCell(_source, s), s, FromStudent: false, CopyOf: null)
                : c)
            .ToList();
        return new RestoredSubmission(_source, cells, Missing, Notes, Rejection);
    }

    /// <summary>Rebuilds <paramref name="submission"/> on <paramref name="source"/>'s cells.</summary>
    public static RestoredSubmission Restore(SourceNotebook source, Notebook submission)
    {
        var sourceById = Enumerable.Range(0, source.Notebook.Cells.Count).ToDictionary(i => source.Notebook.Cells[i].Id);
        // A cell that lost its metadata but kept the id of a source solution cell is still that solution.
        var markup = submission.Cells.Select(c => ReadLeniently(c)
            ?? (sourceById.TryGetValue(c.Id, out int i) && source.Markup[i] is { Role: CellRole.Solution } m ? m : null)).ToList();
        if (RejectionOf(source, submission, markup) is { } rejection)
            return new RestoredSubmission(source, [], new Dictionary<string, string>(), [], rejection);

        var notes = new List<SubmissionNote>();
        var placed = new Dictionary<int, int>();        // student cell → the source slot it fills
        var slotContent = new Dictionary<int, Cell>();  // source slot → the student's cell that fills it
        var missing = MatchSolutions(source, submission, markup, placed, slotContent, notes);

        // Check and locked cells, and ordinary cells the student kept, anchor the student's own cells that follow them.
        var anchors = new Dictionary<int, int>();
        for (int j = 0; j < submission.Cells.Count; j++)
        {
            if (placed.TryGetValue(j, out int slot)) anchors[j] = slot;
            else if (markup[j] is { Role: CellRole.Check, Exercise: { } id } && source.Exercises.FirstOrDefault(e => e.Id == id)?.CheckCell is { } check)
                anchors[j] = check;
            else if (markup[j] is not { Role: CellRole.Solution } && sourceById.TryGetValue(submission.Cells[j].Id, out int same))
                anchors[j] = same;
        }
        NoteEditedLockedCells(source, submission, markup, anchors, notes);

        var added = new Dictionary<int, List<GradedCell>>();  // source slot (-1 = before the first) → student cells after it
        int anchor = -1, addedCount = 0;
        for (int j = 0; j < submission.Cells.Count; j++)
        {
            if (anchors.TryGetValue(j, out int a)) { anchor = a; continue; }
            if (markup[j] is { Role: CellRole.Check or CellRole.Locked }) continue;  // a copy of a read-only cell: dropped
            string? copyOf = markup[j] is { Role: CellRole.Solution } m ? m.Exercise : null;
            (added.TryGetValue(anchor, out var list) ? list : added[anchor] = []).Add(new GradedCell(Fresh(submission.Cells[j]), null, true, copyOf));
            addedCount++;
        }
        if (addedCount > 0)
            notes.Add(new SubmissionNote(null, $"{addedCount} cell(s) you added or copied ran where you put them (after the cell they follow)."));

        var cells = new List<GradedCell>(added.GetValueOrDefault(-1, []));
        for (int i = 0; i < source.Notebook.Cells.Count; i++)
        {
            cells.Add(slotContent.TryGetValue(i, out var student)
                ? new GradedCell(student, i, FromStudent: true, CopyOf: null)
                : new GradedCell(SourceCell(source, i), i, FromStudent: false, CopyOf: null));
            cells.AddRange(added.GetValueOrDefault(i, []));
        }
        return new RestoredSubmission(source, cells, missing, notes, null);
    }

    /// <summary>A notebook declaring another assignment, or sharing no exercise id with the source, is not graded.</summary>
    private static string? RejectionOf(SourceNotebook source, Notebook submission, List<CellMarkup?> markup)
    {
        var declared = SourceNotebook.AssignmentOf(submission);
        if (declared is not null && declared != source.Assignment)
            return $"this notebook is from assignment '{declared}', not '{source.Assignment}'";
        bool anyExercise = markup.Any(m => m?.Exercise is { } id && source.Exercises.Any(e => e.Id == id));
        if (declared is null && source.Exercises.Count > 0 && !anyExercise)
            return $"this notebook declares no assignment and holds no exercise of '{source.Assignment}' (exercises {string.Join(", ", source.Exercises.Select(e => e.Id))})";
        return null;
    }

    /// <summary>
    /// Fills each source solution slot with the student's solution cell of the same exercise and cell type: same cell id
    /// first, then in order. Unmatched copies stay unplaced (they run as added cells); slots left empty get the stub.
    /// </summary>
    private static Dictionary<string, string> MatchSolutions(SourceNotebook source, Notebook submission, List<CellMarkup?> markup,
        Dictionary<int, int> placed, Dictionary<int, Cell> slotContent, List<SubmissionNote> notes)
    {
        var missing = new Dictionary<string, string>();
        foreach (var exercise in source.Exercises)
        {
            foreach (var type in new[] { CellType.Code, CellType.Markdown })
            {
                var slots = exercise.SolutionCells.Where(i => source.Notebook.Cells[i].Type == type).ToList();
                var candidates = Enumerable.Range(0, submission.Cells.Count)
                    .Where(j => markup[j] is { Role: CellRole.Solution } m && m.Exercise == exercise.Id && submission.Cells[j].Type == type)
                    .ToList();
                foreach (int slot in slots)
                {
                    int match = candidates.FirstOrDefault(j => !placed.ContainsKey(j) && submission.Cells[j].Id == source.Notebook.Cells[slot].Id, -1);
                    if (match >= 0) placed[match] = slot;
                }
                foreach (int slot in slots.Where(s => !placed.ContainsValue(s)))
                {
                    int next = candidates.FirstOrDefault(j => !placed.ContainsKey(j), -1);
                    if (next >= 0) placed[next] = slot;
                }
                foreach (int j in candidates.Where(placed.ContainsKey))
                {
                    var cell = Fresh(submission.Cells[j]);
                    cell.Metadata[CellMarkup.MetadataKey] = source.Notebook.Cells[placed[j]].Metadata[CellMarkup.MetadataKey]?.DeepClone();
                    slotContent[placed[j]] = cell;
                }
                int empty = slots.Count(s => !slotContent.ContainsKey(s));
                if (type == CellType.Code && slots.Count > 0 && empty == slots.Count)
                    missing[exercise.Id] = $"the solution cell of exercise {exercise.Id} is missing (deleted, or its metadata removed), so it scores zero";
                else if (empty > 0)
                    notes.Add(new SubmissionNote(exercise.Id, $"{empty} of its {slots.Count} {type.ToString().ToLowerInvariant()} solution cells are missing; the released stub stood in."));
                if (candidates.Count > slots.Count && slots.Count > 0)
                    notes.Add(new SubmissionNote(exercise.Id, $"{candidates.Count} {type.ToString().ToLowerInvariant()} solution cells for {slots.Count} place(s); the copies ran after the cell they follow."));
            }
        }
        return missing;
    }

    private static void NoteEditedLockedCells(SourceNotebook source, Notebook submission, List<CellMarkup?> markup,
        Dictionary<int, int> anchors, List<SubmissionNote> notes)
    {
        foreach (var (j, slot) in anchors)
        {
            if (source.Markup[slot] is not { Role: CellRole.Check or CellRole.Locked } locked) continue;
            if (submission.Cells[j].Source.Replace("\r\n", "\n") == StudentVersion.SourceOf(source, slot).Replace("\r\n", "\n")) continue;
            notes.Add(locked.Role == CellRole.Check
                ? new SubmissionNote(locked.Exercise, "the check cell was edited; the original checks ran instead.")
                : new SubmissionNote(locked.Exercise, $"locked cell {slot + 1} was edited; the original ran instead."));
        }
        foreach (var exercise in source.Exercises.Where(e => e.CheckCell is { } c && !anchors.ContainsValue(c)))
            notes.Add(new SubmissionNote(exercise.Id, "the check cell was missing; the original was put back."));
    }

    /// <summary>The source's cell for grading: check cells keep their hidden tests, code solution slots left empty get the stub.</summary>
    private static Cell SourceCell(SourceNotebook source, int index)
    {
        var cell = Fresh(source.Notebook.Cells[index]);
        if (source.Markup[index]?.Role == CellRole.Solution) cell.Source = StudentVersion.SourceOf(source, index);
        return cell;
    }

    /// <summary>A copy without outputs, ready to run.</summary>
    private static Cell Fresh(Cell cell)
    {
        var copy = new Cell(cell.Type, cell.Source, cell.Id)
        {
            Metadata = (JsonObject)cell.Metadata.DeepClone(), Extra = (JsonObject)cell.Extra.DeepClone(),
        };
        return copy;
    }

    /// <summary>Student metadata may be damaged; a cell whose markup cannot be read counts as one without markup.</summary>
    private static CellMarkup? ReadLeniently(Cell cell)
    {
        try
        {
            return CellMarkup.Read(cell, problem => new MarkupException("<submission>", problem));
        }
        catch (MarkupException)
        {
            return null;
        }
    }
}

/// <summary>One cell of a restored submission and where it came from.</summary>
/// <param name="Cell">The cell to run.</param>
/// <param name="SourceIndex">The source cell whose place it takes, or null for a cell the student added.</param>
/// <param name="FromStudent">Whether its text is the student's (a solution, or an added cell).</param>
/// <param name="CopyOf">For an extra copy of a solution cell, that exercise's id; otherwise null.</param>
public sealed record GradedCell(Cell Cell, int? SourceIndex, bool FromStudent, string? CopyOf);
