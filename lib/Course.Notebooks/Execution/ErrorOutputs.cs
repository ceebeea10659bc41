using System.Reflection;
using Course.Notebooks.Files;
using Microsoft.CodeAnalysis;

namespace Course.Notebooks.Execution;

/// <summary>
/// Turns compile errors and exceptions into nbformat <c>error</c> outputs that point at the cell's own lines:
/// <c>(3,5): error CS0103: …</c> for the compiler, and for exceptions the type, the message and the stack frames
/// that are the notebook's (<c>at … in cell-4.csx:line 2</c>), without Roslyn's and the runtime's plumbing.
/// </summary>
internal static class ErrorOutputs
{
    public static ErrorOutput FromDiagnostics(IEnumerable<Diagnostic> diagnostics, string cellPath)
    {
        var lines = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => Describe(d, cellPath)).ToList();
        return new ErrorOutput("CompilationError", string.Join("\n", lines), lines);
    }

    /// <summary>As the C# kernel shows it: <c>(line,col): error CSxxxx: message</c>, the file named when it is not the cell.</summary>
    private static string Describe(Diagnostic diagnostic, string cellPath)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        string file = span.Path == cellPath || string.IsNullOrEmpty(span.Path) ? "" : Path.GetFileName(span.Path);
        string where = diagnostic.Location.IsInSource
            ? $"{file}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): " : "";
        return $"{where}error {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    public static ErrorOutput FromException(Exception exception, string notebookDirectory)
    {
        var e = Unwrap(exception);
        var traceback = new List<string> { $"{e.GetType().FullName}: {e.Message}" };
        traceback.AddRange(UserFrames(e, notebookDirectory));
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
            traceback.Add($" ---> {inner.GetType().FullName}: {inner.Message}");
        return new ErrorOutput(e.GetType().FullName ?? e.GetType().Name, e.Message, traceback);
    }

    /// <summary>Reflection and task plumbing wrap the exception the cell threw; show that one.</summary>
    private static Exception Unwrap(Exception e)
    {
        while (true)
        {
            switch (e)
            {
                case TargetInvocationException { InnerException: { } inner }: e = inner; break;
                case AggregateException { InnerExceptions.Count: 1 } aggregate: e = aggregate.InnerExceptions[0]; break;
                default: return e;
            }
        }
    }

    private static readonly string[] PlumbingPrefixes =
    [
        "at Microsoft.CodeAnalysis.", "at System.Runtime.CompilerServices.", "at System.Runtime.ExceptionServices.",
        "at System.Threading.Tasks.", "at System.Threading.ExecutionContext.", "--- End of stack trace",
    ];

    /// <summary>The stack lines worth showing, with the notebook's folder cut from file names.</summary>
    private static IEnumerable<string> UserFrames(Exception e, string notebookDirectory) =>
        (e.StackTrace ?? "").Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Length > 0 && !PlumbingPrefixes.Any(p => line.TrimStart().StartsWith(p)))
            .Select(line => line.Replace(notebookDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, ""));
}
