using System.Text.Json.Nodes;
using Course.Notebooks.Files;

namespace Course.Notebooks.Tests;

public class NotebookFileTests
{
    private const string VsCodeNotebook = """
        {
         "cells": [
          {
           "cell_type": "markdown",
           "id": "a1b2c3d4",
           "metadata": {},
           "source": ["# Title\n", "Some $x^2$ math."]
          },
          {
           "cell_type": "code",
           "execution_count": 1,
           "id": "77476c72",
           "metadata": {
            "dotnet_interactive": { "language": "csharp" },
            "polyglot_notebook": { "kernelName": "csharp" },
            "vscode": { "languageId": "polyglot-notebook" },
            "course": { "exercise": "02.1", "points": 2 }
           },
           "outputs": [
            { "name": "stdout", "output_type": "stream", "text": ["output\r\n"] },
            { "data": { "text/plain": ["A return", " value"], "application/json": {"a": [1, 2]} },
              "metadata": {}, "output_type": "display_data" },
            { "ename": "Error", "evalue": "oops", "output_type": "error", "traceback": ["line 1", "line 2"] }
           ],
           "source": ["Console.Out.WriteLine(\"output\");"]
          }
         ],
         "metadata": {
          "kernelspec": { "display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp" },
          "language_info": { "name": "polyglot-notebook" },
          "polyglot_notebook": { "kernelInfo": { "defaultKernelName": "csharp", "items": [ { "aliases": [], "name": "csharp" } ] } },
          "unknown_tool": { "keep": true }
         },
         "nbformat": 4,
         "nbformat_minor": 5
        }
        """;

    [Fact]
    public void Reads_cells_outputs_and_metadata_as_VS_Code_writes_them()
    {
        var nb = Notebook.ParseIpynb(VsCodeNotebook);

        Assert.True(nb.IsCSharp);
        Assert.Equal(2, nb.Cells.Count);
        Assert.Equal("# Title\nSome $x^2$ math.", nb.Cells[0].Source);
        var code = nb.Cells[1];
        Assert.Equal(("77476c72", CellType.Code, 1, "csharp"), (code.Id, code.Type, code.ExecutionCount, code.KernelName));
        Assert.Equal(new StreamOutput("stdout", "output\r\n"), code.Outputs[0]);
        var display = Assert.IsType<DisplayOutput>(code.Outputs[1]);
        Assert.Equal("A return value", MimeBundle.Text(display.Data, "text/plain"));
        Assert.Equal("""{"a":[1,2]}""", display.Data["application/json"]!.ToJsonString());
        var error = Assert.IsType<ErrorOutput>(code.Outputs[2]);
        Assert.Equal(["line 1", "line 2"], error.Traceback);
    }

    [Fact]
    public void Round_trip_keeps_ids_unknown_metadata_and_outputs_and_is_stable()
    {
        var first = Notebook.ParseIpynb(VsCodeNotebook).ToIpynb();
        var second = Notebook.ParseIpynb(first).ToIpynb();

        Assert.Equal(first, second);
        var json = JsonNode.Parse(first)!;
        Assert.True((bool)json["metadata"]!["unknown_tool"]!["keep"]!);
        Assert.Equal(2, (int)json["cells"]![1]!["metadata"]!["course"]!["points"]!);
        Assert.Equal("77476c72", (string?)json["cells"]![1]!["id"]);
        Assert.Equal("""["A return value"]""", json["cells"]![1]!["outputs"]![1]!["data"]!["text/plain"]!.ToJsonString());
        Nbformat.AssertValid(first);
    }

    [Fact]
    public void Missing_and_duplicate_ids_get_stable_unique_ones()
    {
        string json = """
            {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "a"},
                       {"cell_type": "markdown", "id": "same", "metadata": {}, "source": "b"},
                       {"cell_type": "markdown", "id": "same", "metadata": {}, "source": "c"}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 4}
            """;
        var ids = Notebook.ParseIpynb(json).Cells.Select(c => c.Id).ToList();
        var again = Notebook.ParseIpynb(json).Cells.Select(c => c.Id).ToList();

        Assert.Equal(ids, again);
        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal("same", ids[1]);
        Nbformat.AssertValid(Notebook.ParseIpynb(json).ToIpynb());
    }

    [Fact]
    public void A_new_CSharp_notebook_has_the_metadata_VS_Code_needs_and_validates()
    {
        var nb = Notebook.CreateCSharp();
        nb.Cells.Add(Cell.Markdown("# Hello"));
        nb.Cells.Add(Cell.Code("var x = 1;\nx"));
        var json = JsonNode.Parse(nb.ToIpynb())!;

        Assert.Equal(".net-csharp", (string?)json["metadata"]!["kernelspec"]!["name"]);
        Assert.Equal("csharp", (string?)json["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]);
        Assert.Equal("csharp", (string?)json["cells"]![1]!["metadata"]!["polyglot_notebook"]!["kernelName"]);
        Assert.Equal("""["var x = 1;\n","x"]""", json["cells"]![1]!["source"]!.ToJsonString());
        Nbformat.AssertValid(nb.ToIpynb());
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON (line 1")]
    [InlineData("[1, 2]", "not an object")]
    [InlineData("""{"nbformat": 3, "cells": []}""", "nbformat 3; only nbformat 4")]
    [InlineData("""{"nbformat": 4}""", "no 'cells' list")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "code", "source": 5}]}""", "cell 1: source is neither")]
    [InlineData("""{"nbformat": 4, "cells": [{"cell_type": "code", "source": "", "outputs": [{"output_type": "bogus"}]}]}""", "cell 1: unknown output_type 'bogus'")]
    public void Malformed_files_name_the_file_and_the_problem(string json, string expected)
    {
        var e = Assert.Throws<NotebookFormatException>(() => Notebook.ParseIpynb(json, "hw/alice.ipynb"));
        Assert.StartsWith("hw/alice.ipynb: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Loading_a_missing_file_says_so()
    {
        var e = Assert.Throws<NotebookFormatException>(() => Notebook.Load("/no/such/dir/x.ipynb"));
        Assert.Equal("/no/such/dir/x.ipynb: no such file", e.Message);
    }

    [Theory]
    [InlineData(".net-csharp", null, true)]
    [InlineData(".net-fsharp", null, false)]
    [InlineData(".net-csharp", "fsharp", false)]
    [InlineData("python3", null, false)]
    public void Only_CSharp_Polyglot_notebooks_count_as_CSharp(string spec, string? defaultKernel, bool expected)
    {
        var nb = new Notebook();
        nb.Metadata["kernelspec"] = new JsonObject { ["name"] = spec };
        if (defaultKernel != null)
            nb.Metadata["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = defaultKernel } };
        Assert.Equal(expected, nb.IsCSharp);
    }

    [Fact]
    public void Reads_dib_cells_kernels_magics_and_meta()
    {
        string dib = """
            #!meta

            {"kernelInfo":{"defaultKernelName":"csharp","items":[{"name":"csharp","aliases":["cs"]}]}}

            #!markdown

            # Title

            #!csharp

            #!time
            var x = 1;

            #!fsharp

            let y = 2
            """;
        var nb = Notebook.ParseDib(dib);

        Assert.True(nb.IsCSharp);
        Assert.Equal([CellType.Markdown, CellType.Code, CellType.Code], nb.Cells.Select(c => c.Type));
        Assert.Equal("# Title", nb.Cells[0].Source);
        Assert.Equal("#!time\nvar x = 1;", nb.Cells[1].Source);
        Assert.Equal(("csharp", "fsharp"), (nb.Cells[1].KernelName, nb.Cells[2].KernelName));
        Assert.Equal("cs", (string?)nb.Metadata["polyglot_notebook"]!["kernelInfo"]!["items"]![0]!["aliases"]![0]);
        Nbformat.AssertValid(nb.ToIpynb());
    }

    [Fact]
    public void Save_writes_atomically_and_reloads_identically()
    {
        string dir = Directory.CreateTempSubdirectory("nb-").FullName;
        try
        {
            string path = Path.Combine(dir, "out.ipynb");
            var nb = Notebook.ParseIpynb(VsCodeNotebook);
            nb.Save(path);
            nb.Save(path);

            Assert.Equal([path], Directory.GetFiles(dir));
            Assert.Equal(nb.ToIpynb(), Notebook.Load(path).ToIpynb());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
