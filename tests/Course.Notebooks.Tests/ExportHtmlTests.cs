using System.Text.Json.Nodes;
using Course.Notebooks.Export;
using Course.Notebooks.Files;

namespace Course.Notebooks.Tests;

/// <summary>The HTML of each output kind, of markdown with math, and of a whole page.</summary>
public class ExportHtmlTests
{
    private static DisplayOutput Display(string mime, JsonNode value) => new(new JsonObject { [mime] = value }, []);

    [Fact]
    public void Streams_AreEscaped_AndStdoutIsToldApartFromStderr()
    {
        string stdout = OutputHtml.Render(new StreamOutput("stdout", "a < b & c\n"));
        string stderr = OutputHtml.Render(new StreamOutput("stderr", "\u001b[31mwarning\u001b[0m\n"));
        Assert.Equal("<div class=\"output stream stdout\"><pre>a &lt; b &amp; c\n</pre></div>", stdout);
        Assert.Equal("<div class=\"output stream stderr\"><pre>warning\n</pre></div>", stderr);
    }

    [Fact]
    public void TextPlain_IsEscapedPreformattedText()
    {
        string html = OutputHtml.Render(Display("text/plain", "[ 1, 2 ] <tensor>"));
        Assert.Contains("class=\"output display mime-text-plain\"", html);
        Assert.Contains("<pre>[ 1, 2 ] &lt;tensor&gt;</pre>", html);
    }

    [Fact]
    public void TextHtml_IsInsertedAsIs_ScriptsIncluded_AndPreferredOverPlainText()
    {
        var data = new JsonObject { ["text/plain"] = "plain", ["text/html"] = "<b id=\"x\">bold</b><script>window.ran = 1;</script>" };
        string html = OutputHtml.Render(new DisplayOutput(data, []));
        Assert.Contains("<b id=\"x\">bold</b><script>window.ran = 1;</script>", html);
        Assert.DoesNotContain("plain", html.Replace("text-plain", ""));
    }

    [Fact]
    public void ExecuteResult_ShowsItsExecutionCount()
    {
        string html = OutputHtml.Render(new ExecuteResultOutput(new JsonObject { ["text/plain"] = "42" }, [], 7));
        Assert.Contains("<div class=\"prompt\">Out[7]:</div><pre>42</pre>", html);
    }

    [Fact]
    public void Png_BecomesAnImgDataUri_WithoutTheLineBreaksNbformatMayStore()
    {
        string html = OutputHtml.Render(Display("image/png", "iVBORw0K\nGgo=\n"));
        Assert.Contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"\">", html);
    }

    [Fact]
    public void Svg_BecomesABase64ImgDataUri()
    {
        const string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>";
        string html = OutputHtml.Render(Display("image/svg+xml", svg));
        Assert.Contains($"<img src=\"data:image/svg+xml;base64,{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg))}\"", html);
    }

    [Fact]
    public void TextMarkdown_IsRenderedWithMathLeftForKaTeX()
    {
        string html = OutputHtml.Render(Display("text/markdown", "**Loss** $L = x_i * y_i$"));
        Assert.Contains("<div class=\"markdown\"><p><strong>Loss</strong> <span class=\"math\">\\(L = x_i * y_i\\)</span></p>", html);
    }

    [Fact]
    public void Json_IsIndentedAndEscaped()
    {
        string html = OutputHtml.Render(Display("application/json", new JsonObject { ["a"] = "<1>" }));
        Assert.Contains("<pre>{\n  &quot;a&quot;: &quot;\\u003C1\\u003E&quot;\n}</pre>", html);
    }

    [Fact]
    public void UnknownMimeTypes_SayWhatCouldNotBeShown()
    {
        string html = OutputHtml.Render(Display("application/vnd.custom+json", new JsonObject()));
        Assert.Contains("application/vnd.custom+json", html);
        Assert.Contains("class=\"unsupported\"", html);
    }

    [Fact]
    public void Error_ShowsNameValueAndTraceback_WithoutAnsiEscapes()
    {
        var error = new ErrorOutput("System.Exception", "oops <here>",
            ["\u001b[0;31mSystem.Exception\u001b[0m: oops", "   at Submission#3.<<Initialize>>d__0.MoveNext()", "\u001b]8;;file:///x\u0007link\u001b]8;;\u0007"]);
        string html = OutputHtml.Render(error);
        Assert.Contains("<strong>System.Exception</strong>: oops &lt;here&gt;", html);
        Assert.Contains("<pre>System.Exception: oops\n   at Submission#3.&lt;&lt;Initialize&gt;&gt;d__0.MoveNext()\nlink</pre>", html);
        // A char test: culture-aware string search treats control characters as ignorable and "finds" them anywhere.
        Assert.False(html.Contains('\u001b'), html);
    }

    [Fact]
    public void MathInMarkdown_KeepsUnderscoresAndAsterisks()
    {
        string page = NotebookPage.Render(MarkdownNotebook("Inline $a_1 * b_2$ and $c_3 * d_4$, then **bold**.\n\n" +
                                                    "$$\\sum_i x_i * y_i < z$$\n\n$$\na_{1} * b_{2}\n$$"));
        Assert.Contains("<span class=\"math\">\\(a_1 * b_2\\)</span> and <span class=\"math\">\\(c_3 * d_4\\)</span>", page);
        Assert.Contains("<strong>bold</strong>", page);
        Assert.DoesNotContain("<em>", page);
        // $$…$$ inside a paragraph is display math, as Jupyter shows it.
        Assert.Contains("<span class=\"math\">\\[\\sum_i x_i * y_i &lt; z\\]</span>", page);
        Assert.Contains("<div class=\"math\">\n\\[\na_{1} * b_{2}\n\\]</div>", page);
    }

    [Fact]
    public void DisplayMathOverSeveralLines_IsOneFormula()
    {
        string page = NotebookPage.Render(MarkdownNotebook(
            "Kernels:\n\n$$\\text{blur}=\\begin{pmatrix}0&1\\\\1&4\\end{pmatrix}\\quad\n\\text{edge}=\\begin{pmatrix}0&-1\\end{pmatrix}$$\n\n" +
            "```\n$$not math\nhere$$\n```"));
        Assert.Contains("<div class=\"math\">\n\\[\n\\text{blur}=\\begin{pmatrix}0&amp;1\\\\1&amp;4\\end{pmatrix}\\quad\n" +
                        "\\text{edge}=\\begin{pmatrix}0&amp;-1\\end{pmatrix}\n\\]</div>", page);
        Assert.Contains("$$not math\nhere$$", page);   // fenced code stays as written
    }

    [Fact]
    public void CodeCells_AreEscapedCSharpWithExecutionCounts()
    {
        var notebook = Notebook.CreateCSharp();
        var counted = Cell.Code("var xs = new List<int>();");
        counted.ExecutionCount = 3;
        notebook.Cells.Add(counted);
        notebook.Cells.Add(Cell.Code("Console.WriteLine(1);"));
        string page = NotebookPage.Render(notebook);
        Assert.Contains("<div class=\"prompt\">In [3]:</div><pre><code class=\"language-csharp\">var xs = new List&lt;int&gt;();</code></pre>", page);
        Assert.Contains("<div class=\"prompt\">In [ ]:</div>", page);
    }

    [Fact]
    public void OnlyCSharpCells_AreMarkedForHighlighting()
    {
        var notebook = Notebook.CreateCSharp();
        var powershell = Cell.Code("Get-ChildItem");
        powershell.Metadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = "pwsh" };
        notebook.Cells.Add(powershell);
        Assert.Contains("<code class=\"nohighlight\">Get-ChildItem</code>", NotebookPage.Render(notebook));
    }

    [Fact]
    public void RawCells_AreShownOnlyWhenMarkedAsHtml()
    {
        var notebook = Notebook.CreateCSharp();
        notebook.Cells.Add(new Cell(CellType.Raw, "<p id=\"raw-html\">kept</p>") { Metadata = new JsonObject { ["format"] = "text/html" } });
        notebook.Cells.Add(new Cell(CellType.Raw, "\\section{LaTeX only}"));
        string page = NotebookPage.Render(notebook);
        Assert.Contains("<section class=\"cell raw-cell\"><p id=\"raw-html\">kept</p></section>", page);
        Assert.DoesNotContain("LaTeX only", page);
    }

    [Fact]
    public void Title_IsTheFirstHeading_ElseTheFileName()
    {
        var titled = MarkdownNotebook("Some intro.\n\n## Convolution with `Conv2d` and $x_1$\n\n# Later");
        Assert.Equal("Convolution with Conv2d and x_1", NotebookPage.TitleOf(titled));
        var untitled = MarkdownNotebook("No heading here.");
        untitled.Path = "/course/notebooks/03-training.ipynb";
        Assert.Equal("03-training", NotebookPage.TitleOf(untitled));
        Assert.Contains("<title>03-training</title>", NotebookPage.Render(untitled));
    }

    [Fact]
    public void Navigation_LinksIndexPreviousAndNext()
    {
        var nav = new PageNavigation(new ChapterLink("index.html", "Course"), new ChapterLink("01-a.html", "A & B"), null);
        string page = NotebookPage.Render(MarkdownNotebook("# Two"), nav);
        Assert.Contains("<a rel=\"prev\" href=\"01-a.html\">← A &amp; B</a>", page);
        Assert.Contains("<a rel=\"index\" href=\"index.html\">Course</a>", page);
        Assert.DoesNotContain("rel=\"next\"", page);
    }

    [Fact]
    public void MarkdownAttachments_BecomeDataUris()
    {
        var notebook = Notebook.ParseIpynb("""
            {"cells": [{"cell_type": "markdown", "id": "a", "metadata": {}, "source": ["![pasted](attachment:image.png)"],
                        "attachments": {"image.png": {"image/png": "iVBORw0KGgo="}}}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);
        Assert.Contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"pasted\" />", NotebookPage.Render(notebook));
    }

    private static Notebook MarkdownNotebook(string markdown)
    {
        var notebook = Notebook.CreateCSharp();
        notebook.Cells.Add(Cell.Markdown(markdown));
        return notebook;
    }
}
