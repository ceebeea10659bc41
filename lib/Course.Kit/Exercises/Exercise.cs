using System.Reflection;
using System.Text;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit.Exercises;

/// <summary>
/// Runs an exercise's checks from a notebook's check cell:
/// <code>
/// Exercise.Check("02.2", "naive conv2d", ex =>
/// {
///     ex.Forbid("conv2d", instead: "loops, or unfold and matmul");
///     ex.Case("stride 1, one channel", 1, () => Check.Close(Check.Reference(() => F.conv2d(x, w)), MyConv2d(x, w)), hint: "…");
///     ex.Hidden("stride 2, padding 1", 2, () => …);
/// });
/// </code>
/// </summary>
public static class Exercise
{
    /// <summary>
    /// Declares the cases (<paramref name="define"/> runs under the exercise's seed, without bans), then runs each case
    /// under its own seed with the exercise's op bans in force. A case passes when it returns normally; whatever it
    /// throws (a failed check, the released stub's NotImplementedException, a banned op, any bug) fails that case
    /// only, and the other cases still run. Nothing is thrown to the cell. Every result also goes to the grader's
    /// channel when one is listening.
    /// </summary>
    /// <param name="id">The exercise id, e.g. "02.2"; also the seed of <paramref name="define"/>.</param>
    /// <param name="title">A short title for the panel.</param>
    /// <param name="define">Declares the cases with <see cref="ExerciseCases.Case"/>, <see cref="ExerciseCases.Hidden"/>
    /// and <see cref="ExerciseCases.Forbid"/>.</param>
    /// <returns>The results, which display as a panel (HTML in notebooks, text in a console).</returns>
    public static ExerciseResult Check(string id, string title, Action<ExerciseCases> define)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(define);
        // The cases reseed the default generator; the notebook's own stream continues afterwards as if they never ran.
        var notebookRandomState = random.get_rng_state();
        try
        {
            return RunCases(id, title, define);
        }
        finally
        {
            random.set_rng_state(notebookRandomState);
        }
    }

    static ExerciseResult RunCases(string id, string title, Action<ExerciseCases> define)
    {
        var cases = new ExerciseCases();
        manual_seed(Seed(id));
        try
        {
            define(cases);
        }
        catch (Exception e)
        {
            // The declarations themselves failed (say, a stub called while building inputs): nothing can be checked.
            var failed = new CaseResult(id, "declaring the cases", Hidden: false, Passed: false, 0, 0, Describe(e), null);
            GradingChannel.Sink?.Invoke(failed);
            return new ExerciseResult(id, title, [failed]);
        }

        var results = new List<CaseResult>();
        foreach (var c in cases.Cases)
        {
            var result = Run(id, c, cases.Bans);
            GradingChannel.Sink?.Invoke(result);
            results.Add(result);
        }
        return new ExerciseResult(id, title, results);
    }

    static CaseResult Run(string id, CaseDefinition c, IReadOnlyList<(string Op, string? Instead)> bans)
    {
        manual_seed(Seed(id + "/" + c.Name));
        var scopes = bans.Select(b => OpBan.Forbid([b.Op], exercise: id, instead: b.Instead)).ToList();
        string? failure = null;
        try
        {
            c.Check();
        }
        catch (Exception e)
        {
            failure = Describe(e);
        }
        finally
        {
            for (int i = scopes.Count - 1; i >= 0; i--) scopes[i].Dispose();
        }
        return failure is null
            ? new CaseResult(id, c.Name, c.Hidden, Passed: true, c.Points, c.Points, null, null)
            : new CaseResult(id, c.Name, c.Hidden, Passed: false, 0, c.Points, failure, c.Hint);
    }

    /// <summary>A failure message a student can act on: the check's own words, or what was thrown.</summary>
    static string Describe(Exception e)
    {
        while (e is TargetInvocationException or AggregateException && e.InnerException is not null) e = e.InnerException!;
        return e switch
        {
            CheckFailedException or BannedOpException => e.Message,
            NotImplementedException => $"not implemented yet: {e.Message}",
            _ => $"your code threw {e.GetType().Name}: {e.Message}",
        };
    }

    /// <summary>
    /// A seed that depends only on the text (FNV-1a, 64-bit), so it is the same in every process and run, and a case
    /// keeps its seed when other cases are added or removed (as release removes hidden ones).
    /// </summary>
    internal static long Seed(string text)
    {
        ulong hash = 14695981039346656037;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 1099511628211;
        }
        return (long)(hash >> 1);
    }
}
