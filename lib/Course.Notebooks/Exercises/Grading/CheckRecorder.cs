using System.Text.Json.Nodes;
using Course.Kit.Exercises;

namespace Course.Notebooks.Exercises.Grading;

/// <summary>
/// Collects the case results a kernel reports during a notebook run, attributed to the cell that was running when
/// each arrived. The runner reports cell starts, cell ends and events in order on one thread, so attribution follows
/// the parent's own view of which cell it sent, not anything the notebook says.
/// </summary>
public sealed class CheckRecorder
{
    private int? _running;
    private readonly Dictionary<int, List<CaseResult>> _reported = [];

    /// <summary>The results reported while each cell ran, by cell index.</summary>
    public IReadOnlyDictionary<int, List<CaseResult>> Reported => _reported;

    /// <summary>Results that arrived while no cell was running (only injected ones can).</summary>
    public int Stray { get; private set; }

    /// <summary>The runner sent cell <paramref name="index"/> to the kernel.</summary>
    public void CellStarted(int index) => _running = index;

    /// <summary>The cell has finished (or the kernel was stopped on it).</summary>
    public void CellFinished() => _running = null;

    /// <summary>Any kernel event; case results are kept, other kinds ignored.</summary>
    public void Event(JsonObject message)
    {
        if (CaseEvents.FromJson(message) is not { } result) return;
        if (_running is not { } cell) { Stray++; return; }
        (_reported.TryGetValue(cell, out var list) ? list : _reported[cell] = []).Add(result);
    }

    /// <summary>The results reported while <paramref name="cell"/> ran, for <paramref name="exercise"/> only.</summary>
    public IReadOnlyList<CaseResult> For(int cell, string exercise) =>
        _reported.TryGetValue(cell, out var list) ? list.Where(r => r.Exercise == exercise).ToList() : [];

    /// <summary>How many results for other exercises arrived while <paramref name="cell"/> ran.</summary>
    public int Foreign(int cell, string exercise) =>
        _reported.TryGetValue(cell, out var list) ? list.Count(r => r.Exercise != exercise) : 0;
}
