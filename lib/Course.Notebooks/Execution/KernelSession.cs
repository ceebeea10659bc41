using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Course.Kit.Display;
using Course.Notebooks.Files;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive.Formatting;

namespace Course.Notebooks.Execution;

/// <summary>
/// The C# kernel inside the kernel process: one Roslyn script state that every cell continues, set up as
/// .NET Interactive's C# kernel sets up its own (same imports, references and helpers), so a notebook that runs here
/// runs in VS Code too. It reports what cells produce as protocol events.
/// </summary>
internal sealed class KernelSession : IDisplayHost
{
    /// <summary>The namespaces the real C# kernel imports into every notebook, no more and no fewer.</summary>
    private static readonly string[] KernelImports =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    /// <summary>Roslyn's own test of "the cell ends in an expression", which the real kernel also calls by reflection.</summary>
    private static readonly MethodInfo HasReturnValueMethod =
        typeof(Script).GetMethod("HasReturnValue", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new MissingMethodException("Roslyn's Script.HasReturnValue() is gone; update the kernel");

    private static KernelSession? _current;

    private readonly EventWriter _events;
    private readonly string _directory;
    private readonly CapturedStream _stdout;
    private readonly CapturedStream _stderr;
    private readonly Timer _flushTimer;
    private ScriptOptions _options;
    private ScriptState<object> _state = null!;
    private int _currentCell = -1;
    private int _displayCount;

    private KernelSession(EventWriter events, string directory)
    {
        _events = events;
        _directory = directory;
        _stdout = new CapturedStream("stdout", EmitStream);
        _stderr = new CapturedStream("stderr", EmitStream);
        _flushTimer = new Timer(_ => FlushStreams(), null, 250, 250);
        _options = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .AddImports(KernelImports)
            .AddReferences(typeof(Enumerable).Assembly, typeof(KernelHelpers).Assembly, typeof(Formatter).Assembly)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(directory))
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, directory))
            // Debug info with a file path per cell: exceptions then say "in cell-4.csx:line 2".
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8);
    }

    /// <summary>The session display helpers report to; the error explains where display works when there is none.</summary>
    public static KernelSession Require() => _current ?? throw new InvalidOperationException(
        "display(...) works only in a notebook cell run by the course runner (or by .NET Interactive)");

    /// <summary>
    /// Starts the kernel in <paramref name="directory"/> (the notebook's folder: working directory and base of
    /// <c>#r</c>/<c>#load</c>), captures the console and installs itself as the kit's display host.
    /// </summary>
    public static async Task<KernelSession> StartAsync(EventWriter events, string directory)
    {
        Directory.SetCurrentDirectory(directory);
        var session = new KernelSession(events, directory);
        Console.SetOut(session._stdout);
        Console.SetError(session._stderr);
        Console.SetIn(TextReader.Null); // cells cannot read the runner's commands
        _current = session;
        DisplayHost.Current = session;
        // A first, hidden submission imports the helpers, as the real kernel does. (Importing them through the options
        // instead makes display(...) ambiguous once a later cell adds a #r: the import is then bound twice.)
        session._state = await CSharpScript.RunAsync($"using static {typeof(KernelHelpers).FullName};", session._options);
        return session;
    }

    /// <summary>Runs one cell and reports its start, outputs and end.</summary>
    public async Task RunCellAsync(int cell, int executionCount, string source)
    {
        _currentCell = cell;
        _events.Send(new JsonObject { ["kind"] = KernelProtocol.CellStarted, ["cell"] = cell });
        var clock = Stopwatch.StartNew();
        var prepared = CellDirectives.Prepare(source);
        bool ok = prepared.Errors.Count == 0
            ? await EvaluateAsync(prepared, cell, executionCount)
            : Fail(new ErrorOutput("UnsupportedDirective", string.Join("\n", prepared.Errors), prepared.Errors));
        FlushStreams();
        if (prepared.Timed)
            EmitOutput(new DisplayOutput(new JsonObject
            {
                ["text/plain"] = $"Wall time: {clock.Elapsed.TotalMilliseconds.ToString("0.####", CultureInfo.InvariantCulture)}ms",
            }, []));
        _events.Send(new JsonObject
        {
            ["kind"] = KernelProtocol.CellFinished, ["cell"] = cell, ["ok"] = ok,
            ["duration_ms"] = Math.Round(clock.Elapsed.TotalMilliseconds, 1),
        });
    }

    private async Task<bool> EvaluateAsync(PreparedCell prepared, int cell, int executionCount)
    {
        if (prepared.KitAssemblies.Count > 0) _options = _options.AddReferences(prepared.KitAssemblies);
        string cellPath = Path.Combine(_directory, $"cell-{cell + 1}.csx");
        try
        {
            // catchException keeps the variables a failing cell declared before it threw, as the real kernel does.
            _state = await _state.ContinueWithAsync(prepared.Code, _options.WithFilePath(cellPath), catchException: _ => true);
        }
        catch (CompilationErrorException e)
        {
            return Fail(ErrorOutputs.FromDiagnostics(e.Diagnostics, cellPath)); // the previous state stays usable
        }
        catch (Exception e)
        {
            return Fail(ErrorOutputs.FromException(e, _directory));
        }
        if (_state.Exception is { } exception) return Fail(ErrorOutputs.FromException(exception, _directory));
        if ((bool)HasReturnValueMethod.Invoke(_state.Script, null)! && _state.ReturnValue is not DisplayedValue)
        {
            object? value = _state.ReturnValue;
            var data = ValueFormatter.Format(value, ValueFormatter.MimeTypesFor(value, []));
            EmitOutput(new ExecuteResultOutput(data, [], executionCount));
        }
        return true;
    }

    private bool Fail(ErrorOutput error)
    {
        EmitOutput(error);
        return false;
    }

    public DisplayedValue Display(object? value, string[] mimeTypes)
    {
        string[] types = ValueFormatter.MimeTypesFor(value, mimeTypes);
        var handle = new DisplayedValue(this, NextDisplayId(), types, raw: false);
        EmitOutput(new DisplayOutput(ValueFormatter.Format(value, types), []), handle.DisplayId);
        return handle;
    }

    /// <summary><c>"…".DisplayAs(mime)</c>: the string already is the content, so it is shown as given.</summary>
    public DisplayedValue DisplayRaw(string content, string mimeType)
    {
        var handle = new DisplayedValue(this, NextDisplayId(), [mimeType], raw: true);
        EmitOutput(new DisplayOutput(new JsonObject { [mimeType] = content }, []), handle.DisplayId);
        return handle;
    }

    public void UpdateDisplay(DisplayedValue handle, object? value)
    {
        var data = handle.Raw && value is string content
            ? new JsonObject { [handle.MimeTypes[0]] = content }
            : ValueFormatter.Format(value, handle.MimeTypes);
        FlushStreams();
        _events.Send(new JsonObject
        {
            ["kind"] = KernelProtocol.DisplayUpdated, ["display_id"] = handle.DisplayId, ["data"] = data,
        });
    }

    /// <summary>The kit's live outputs (training boards, progress) arrive here.</summary>
    IDisplayHandle IDisplayHost.Show(object value) => Display(value, []);

    private string NextDisplayId() => $"display-{Interlocked.Increment(ref _displayCount)}";

    /// <summary>Sends an output of the running cell; pending prints go first so the order is what the cell did.</summary>
    private void EmitOutput(Output output, string? displayId = null)
    {
        FlushStreams();
        var message = new JsonObject
        {
            ["kind"] = KernelProtocol.Output, ["cell"] = _currentCell, ["output"] = output.ToJson(),
        };
        if (displayId is not null) message["display_id"] = displayId;
        _events.Send(message);
    }

    private void EmitStream(string name, string text) =>
        _events.Send(new JsonObject
        {
            ["kind"] = KernelProtocol.Output, ["cell"] = _currentCell, ["output"] = new StreamOutput(name, text).ToJson(),
        });

    private void FlushStreams()
    {
        _stdout.Flush();
        _stderr.Flush();
    }
}
