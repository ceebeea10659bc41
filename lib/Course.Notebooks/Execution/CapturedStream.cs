using System.Text;

namespace Course.Notebooks.Execution;

/// <summary>
/// Stands in for <see cref="Console.Out"/> or <see cref="Console.Error"/> inside the kernel: buffers what cells
/// write and hands it on in chunks (at each <see cref="Flush"/>: the kernel flushes before every other output, at
/// the end of a cell, and a few times a second), so a long loop's prints arrive live without one event per write.
/// </summary>
internal sealed class CapturedStream(string name, Action<string, string> emit) : TextWriter
{
    private readonly StringBuilder _buffer = new();

    /// <summary>"stdout" or "stderr".</summary>
    public string Name { get; } = name;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_buffer) _buffer.Append(value);
    }

    public override void Write(string? value)
    {
        lock (_buffer) _buffer.Append(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_buffer) _buffer.Append(buffer, index, count);
    }

    /// <summary>Sends what was written since the last flush, if anything.</summary>
    public override void Flush()
    {
        string text;
        lock (_buffer)
        {
            if (_buffer.Length == 0) return;
            text = _buffer.ToString();
            _buffer.Clear();
        }
        emit(Name, text);
    }
}
