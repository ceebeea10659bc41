using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Course.Notebooks.Execution;

/// <summary>
/// The runner's side of one kernel process: sends commands to its standard input, reads events from its standard
/// output, keeps the head and tail of its standard error (where the runtime reports a crash), and kills it.
/// </summary>
internal sealed class KernelConnection : IAsyncDisposable
{
    private const int StderrHeadLines = 8;
    private const int StderrTailLines = 12;

    private readonly Process _process;
    private readonly Channel<JsonObject> _events = Channel.CreateUnbounded<JsonObject>();
    private readonly List<string> _stderrHead = [];
    private readonly Queue<string> _stderrTail = new();
    private int _stderrDropped;
    private readonly Task _reader;

    private KernelConnection(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) KeepStderr(e.Data); };
        _process.BeginErrorReadLine();
        _reader = Task.Run(ReadEventsAsync);
    }

    public static KernelConnection Start(IReadOnlyList<string> command, string workingDirectory, long memoryLimitBytes)
    {
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false), StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false, WorkingDirectory = workingDirectory,
        };
        foreach (string argument in command.Skip(1)) start.ArgumentList.Add(argument);
        // A hard cap on the managed heap: an allocation past it throws OutOfMemoryException in the cell (or, if the
        // runtime itself runs out, ends the process, which the runner reports as a crash on that cell).
        start.Environment["DOTNET_GCHeapHardLimit"] = $"0x{memoryLimitBytes:X}";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command[0]}");
        return new KernelConnection(process);
    }

    public void Send(JsonObject command)
    {
        try
        {
            _process.StandardInput.WriteLine(command.ToJsonString());
            _process.StandardInput.Flush();
        }
        catch (IOException)
        {
            // The kernel is gone; the event stream ends too, and the caller reports the crash from there.
        }
    }

    /// <summary>The next event, or null once the kernel closed its output (it exited or crashed).</summary>
    public async Task<JsonObject?> ReadAsync(CancellationToken cancellation) =>
        await _events.Reader.WaitToReadAsync(cancellation) && _events.Reader.TryRead(out var message) ? message : null;

    /// <summary>The exit code once the process has ended (waiting a few seconds for it), or null if it is still alive.</summary>
    public async Task<int?> ExitCodeAsync()
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>What the process wrote to standard error: the first lines, then the last ones.</summary>
    public IReadOnlyList<string> StderrExcerpt()
    {
        lock (_stderrTail)
        {
            return _stderrDropped == 0
                ? [.. _stderrHead, .. _stderrTail]
                : [.. _stderrHead, $"… ({_stderrDropped} lines left out)", .. _stderrTail];
        }
    }

    /// <summary>Ends the kernel and anything it started; running Roslyn code cannot be cancelled any other way.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close(); // the kernel's command loop ends and the process exits
        }
        catch (IOException)
        {
        }
        if (await ExitCodeAsync() is null) Kill();
        await _reader;
        _process.Dispose();
    }

    private async Task ReadEventsAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (TryParseEvent(line) is { } message) _events.Writer.TryWrite(message);
            else KeepStderr(line); // not ours (e.g. a native library printing): kept with the diagnostics
        }
        _events.Writer.Complete();
    }

    private static JsonObject? TryParseEvent(string line)
    {
        try
        {
            return JsonNode.Parse(line) is JsonObject message && message["kind"] is JsonValue ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void KeepStderr(string line)
    {
        lock (_stderrTail)
        {
            if (_stderrHead.Count < StderrHeadLines) { _stderrHead.Add(line); return; }
            _stderrTail.Enqueue(line);
            if (_stderrTail.Count <= StderrTailLines) return;
            _stderrTail.Dequeue();
            _stderrDropped++;
        }
    }
}
