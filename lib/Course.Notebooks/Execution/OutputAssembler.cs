using System.Text.Json.Nodes;
using Course.Notebooks.Files;

namespace Course.Notebooks.Execution;

/// <summary>
/// Puts the kernel's output events into the executed notebook the way Jupyter shows them: consecutive prints to the
/// same stream join one stream output, and a display update replaces its output in place, in whichever cell it is.
/// </summary>
internal sealed class OutputAssembler(Notebook notebook)
{
    private readonly Dictionary<string, (Cell Cell, int Index)> _displays = [];

    public void Add(int cellIndex, Output output, string? displayId)
    {
        var outputs = notebook.Cells[cellIndex].Outputs;
        if (output is StreamOutput stream && outputs.Count > 0 && outputs[^1] is StreamOutput last && last.Name == stream.Name)
        {
            outputs[^1] = last with { Text = last.Text + stream.Text };
            return;
        }
        if (output is DisplayOutput display && displayId is not null)
        {
            output = display with { DisplayId = displayId };
            _displays[displayId] = (notebook.Cells[cellIndex], outputs.Count);
        }
        outputs.Add(output);
    }

    /// <summary>Replaces the data of a displayed output; an unknown id (its cell was cleared) is ignored.</summary>
    public void Update(string displayId, JsonObject data)
    {
        if (!_displays.TryGetValue(displayId, out var place)) return;
        var old = (DisplayOutput)place.Cell.Outputs[place.Index];
        place.Cell.Outputs[place.Index] = old with { Data = data };
    }
}
