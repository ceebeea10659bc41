using System.Text;
using System.Text.Json.Nodes;

namespace Course.Notebooks.Execution;

/// <summary>Writes protocol messages as JSON lines; safe to call from any thread (a display may update from a timer).</summary>
internal sealed class EventWriter(Stream stream)
{
    private readonly object _gate = new();

    public void Send(JsonObject message)
    {
        byte[] line = Encoding.UTF8.GetBytes(message.ToJsonString() + "\n");
        lock (_gate)
        {
            stream.Write(line);
            stream.Flush();
        }
    }
}
