using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Course.Notebooks.Files;

/// <summary>Reads and writes nbformat 4 JSON.</summary>
internal static partial class IpynbFormat
{
    private static readonly HashSet<string> KnownCellKeys =
        ["cell_type", "id", "metadata", "source", "outputs", "execution_count"];

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex CellIdPattern();

    public static Notebook Parse(string json, string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(path,
                $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}", e);
        }
        if (root is not JsonObject obj) throw new NotebookFormatException(path, "the JSON is not an object, so not a notebook");
        if ((int?)obj["nbformat"] is not 4)
            throw new NotebookFormatException(path, $"nbformat {obj["nbformat"]?.ToJsonString() ?? "missing"}; only nbformat 4 is supported");
        if (obj["cells"] is not JsonArray cells) throw new NotebookFormatException(path, "has no 'cells' list");

        var notebook = new Notebook
        {
            Metadata = obj["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : [],
        };
        for (int i = 0; i < cells.Count; i++)
        {
            try
            {
                notebook.Cells.Add(ReadCell(cells[i] as JsonObject ?? throw new FormatException("is not an object")));
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException)
            {
                throw new NotebookFormatException(path, $"cell {i + 1}: {e.Message}", e);
            }
        }
        AssignMissingIds(notebook);
        return notebook;
    }

    private static Cell ReadCell(JsonObject json)
    {
        var type = (string?)json["cell_type"] switch
        {
            "code" => CellType.Code,
            "markdown" => CellType.Markdown,
            "raw" => CellType.Raw,
            var other => throw new FormatException($"unknown cell_type '{other}'"),
        };
        var cell = new Cell(type, MultilineString.Read(json["source"], "source"), (string?)json["id"] ?? "")
        {
            Metadata = json["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : [],
            ExecutionCount = (int?)json["execution_count"],
        };
        if (json["outputs"] is JsonArray outputs)
            foreach (var o in outputs)
                cell.Outputs.Add(Output.FromJson(o as JsonObject ?? throw new FormatException("an output is not an object")));
        foreach (var (key, value) in json)
            if (!KnownCellKeys.Contains(key)) cell.Extra[key] = value?.DeepClone();
        return cell;
    }

    /// <summary>
    /// nbformat 4.5 requires unique ids. Missing or invalid ones (from older files, or cells built in memory) get a
    /// stable id derived from the cell's position and source, so reading or writing twice gives the same ids.
    /// </summary>
    private static void AssignMissingIds(Notebook notebook)
    {
        var used = new HashSet<string>();
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (CellIdPattern().IsMatch(cell.Id) && used.Add(cell.Id)) continue;
            for (int salt = 0; ; salt++)
            {
                var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{i}:{salt}:{cell.Source}"));
                string id = Convert.ToHexStringLower(hash)[..8];
                if (used.Add(id)) { cell.Id = id; break; }
            }
        }
    }

    public static string Write(Notebook notebook)
    {
        AssignMissingIds(notebook);
        var cells = new JsonArray();
        foreach (var cell in notebook.Cells)
        {
            var json = (JsonObject)cell.Extra.DeepClone();
            json["cell_type"] = cell.Type.ToString().ToLowerInvariant();
            json["id"] = cell.Id;
            json["metadata"] = cell.Metadata.DeepClone();
            json["source"] = MultilineString.Write(cell.Source);
            if (cell.Type == CellType.Code)
            {
                json["execution_count"] = cell.ExecutionCount;
                json["outputs"] = new JsonArray(cell.Outputs.Select(o => (JsonNode?)o.ToJson()).ToArray());
            }
            cells.Add(json);
        }
        var root = new JsonObject
        {
            ["cells"] = cells, ["metadata"] = notebook.Metadata.DeepClone(), ["nbformat"] = 4, ["nbformat_minor"] = 5,
        };
        return Sorted(root)!.ToJsonString(WriteOptions) + "\n";
    }

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true, IndentSize = 1, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Keys sorted at every level, as Jupyter writes them, so a re-saved notebook diffs cleanly.</summary>
    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };

    private static string FirstSentence(string message) => message.Split(" Path:")[0].Split(" LineNumber:")[0];
}
