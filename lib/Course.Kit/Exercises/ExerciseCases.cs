using Course.Torch;

namespace Course.Kit.Exercises;

/// <summary>
/// The cases of one exercise, declared inside <see cref="Exercise.Check"/>: each case is a named check worth some
/// points, optionally hidden, with an optional hint; <see cref="Forbid"/> bans library ops while the cases run.
/// </summary>
public sealed class ExerciseCases
{
    readonly List<CaseDefinition> cases = [];
    readonly List<(string Op, string? Instead)> bans = [];

    internal ExerciseCases() { }

    internal IReadOnlyList<CaseDefinition> Cases => cases;

    internal IReadOnlyList<(string Op, string? Instead)> Bans => bans;

    /// <summary>Adds a visible case: on failure the panel shows its message and hint.</summary>
    /// <param name="name">Unique within the exercise; it also picks the case's random seed.</param>
    /// <param name="points">What the case is worth (0 or more).</param>
    /// <param name="check">Calls the student's code and <see cref="Check"/> methods; passing means returning normally.</param>
    /// <param name="hint">Shown with the failure.</param>
    /// <exception cref="ArgumentException">For an empty or repeated name or negative points.</exception>
    public void Case(string name, double points, Action check, string? hint = null) => Add(name, points, check, hint, hidden: false);

    /// <summary>
    /// Adds a hidden case: the panel shows only its name and whether it passed; its message and hint go only to the
    /// grader. Release tooling removes hidden cases from student notebooks.
    /// </summary>
    /// <inheritdoc cref="Case" path="/param"/>
    /// <exception cref="ArgumentException">For an empty or repeated name or negative points.</exception>
    public void Hidden(string name, double points, Action check, string? hint = null) => Add(name, points, check, hint, hidden: true);

    /// <summary>
    /// Bans the library's own <paramref name="op"/> while the cases run (not while they are declared), so a student
    /// asked to write conv2d cannot just call it. Use <see cref="Check.Reference{T}"/> for expected values that need it.
    /// </summary>
    /// <param name="op">A name from <see cref="OpBan.GuardedOps"/>, e.g. "conv2d".</param>
    /// <param name="instead">What to use instead, for the message, e.g. "unfold and matmul".</param>
    /// <exception cref="ArgumentException">When <paramref name="op"/> is not a guarded op.</exception>
    public void Forbid(string op, string? instead = null)
    {
        if (!OpBan.GuardedOps.ContainsKey(op))
            throw new ArgumentException($"Forbid: '{op}' is not a guarded op. Guarded ops: {string.Join(", ", OpBan.GuardedOps.Keys)}.", nameof(op));
        bans.Add((op, instead));
    }

    void Add(string name, double points, Action check, string? hint, bool hidden)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A case needs a name.", nameof(name));
        if (cases.Any(c => c.Name == name)) throw new ArgumentException($"Two cases are named '{name}'; names must be unique.", nameof(name));
        if (!(points >= 0) || double.IsInfinity(points))
            throw new ArgumentException($"Case '{name}': points must be a finite number ≥ 0, got {points}.", nameof(points));
        cases.Add(new CaseDefinition(name, points, check, hint, hidden));
    }
}

/// <summary>One declared case, before it runs.</summary>
internal sealed record CaseDefinition(string Name, double Points, Action Check, string? Hint, bool Hidden);
