using System.Text.Json.Nodes;
using Course.Kit.Images;
using Course.Kit.Plots;
using Course.Notebooks.Export;
using Course.Notebooks.Files;
using Course.Tests.Shared;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Course.Notebooks.Tests;

/// <summary>
/// An exported page opened from file:// in headless Chromium: math typeset by KaTeX, the figure drawn by the local
/// plotly.js, images decoded, C# highlighted, no console errors and no request leaving the disk.
/// </summary>
public class ExportBrowserTests
{
    private static Notebook ExecutedNotebook()
    {
        var notebook = Notebook.CreateCSharp();
        notebook.Cells.Add(Cell.Markdown(
            "# Browser check\n\nThe loss $L = \\frac{1}{n}\\sum_i (y_i - \\hat y_i)^2$ and the product $a_1 * b_2$.\n\n" +
            "$$\\nabla_w L = x_i * (y_i - t_i)$$"));

        var gradient = new Image(16, 8, 3);
        for (int y = 0; y < 8; y++)
            for (int x = 0; x < 16; x++)
                (gradient[x, y, 0], gradient[x, y, 2]) = ((byte)(x * 16), (byte)(y * 32));
        var figure = new Figure { Data = { new Scatter { X = new[] { 1.0, 2, 3 }, Y = new[] { 3.0, 1, 2 }, Name = "loss" } } };

        var cell = Cell.Code("var figure = new Figure();\nfigure.Display();\nConsole.WriteLine(\"done\");");
        cell.ExecutionCount = 1;
        cell.Outputs.Add(new DisplayOutput(new JsonObject { ["text/html"] = figure.ToHtml(), ["text/plain"] = "Figure" }, []));
        cell.Outputs.Add(new DisplayOutput(new JsonObject { ["image/png"] = Convert.ToBase64String(gradient.ToPngBytes()) }, []));
        cell.Outputs.Add(new DisplayOutput(new JsonObject
        {
            ["image/svg+xml"] = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"10\"><rect width=\"20\" height=\"10\" fill=\"teal\"/></svg>",
        }, []));
        cell.Outputs.Add(new DisplayOutput(new JsonObject { ["text/markdown"] = "Energy: $E = m c^2$" }, []));
        cell.Outputs.Add(new StreamOutput("stdout", "done\n"));
        cell.Outputs.Add(new ErrorOutput("System.Exception", "oops", ["System.Exception: oops"]));
        notebook.Cells.Add(cell);
        return notebook;
    }

    [Fact]
    public void ExportedPage_FromFileUrl_RendersMathFigureAndImages_OfflineWithoutConsoleErrors()
    {
        using var dir = new ExportTestSupport.TempDir();
        string source = dir.File("01-browser-check.ipynb");
        ExecutedNotebook().Save(source);
        var site = SiteExporter.Export([source], dir.File("site"), new ExportOptions { NodeModules = ExportTestSupport.NodeModules() });

        using var driver = HeadlessChromium.Start(dir.File("profile"));
        var js = (IJavaScriptExecutor)driver;
        long Count(string selector) => (long)js.ExecuteScript($"return document.querySelectorAll(\"{selector}\").length;")!;
        List<string> Strings(object? array) => ((IEnumerable<object>)array!).Select(o => Convert.ToString(o)!).ToList();

        driver.Navigate().GoToUrl(new Uri(site.IndexPage).AbsoluteUri);
        driver.FindElement(By.LinkText("Browser check")).Click();
        Assert.EndsWith("/01-browser-check.html", driver.Url);

        new DefaultWait<IWebDriver>(driver) { Timeout = TimeSpan.FromSeconds(30) }
            .Until(d => d.FindElements(By.CssSelector(".mime-text-html .main-svg")).Count > 0);
        Assert.Equal(1, Count(".mime-text-html .scatterlayer .trace"));

        // KaTeX typeset all four formulas (three in the markdown cell, one in the text/markdown output) and kept the TeX.
        Assert.Equal(4, Count(".katex"));
        Assert.Equal(0, Count(".katex-error"));
        Assert.Equal(1, Count(".katex-display"));
        var tex = Strings(js.ExecuteScript("return Array.from(document.querySelectorAll('annotation')).map(function (a) { return a.textContent; });"));
        Assert.Contains("a_1 * b_2", tex);
        Assert.Contains("\\nabla_w L = x_i * (y_i - t_i)", tex);

        // The PNG and the SVG decoded at their own sizes; the C# was highlighted.
        var widths = Strings(js.ExecuteScript(
            "return Array.from(document.querySelectorAll('.output img')).map(function (i) { return i.complete ? i.naturalWidth : -1; });"));
        Assert.Equal(["16", "20"], widths);
        Assert.True(Count("code.language-csharp .hljs-keyword") > 0);

        // KaTeX's fonts loaded from the site's assets folder (a font that failed to load has status 'error').
        var fonts = Strings(js.ExecuteAsyncScript(
            "var done = arguments[arguments.length - 1]; document.fonts.ready.then(function () {" +
            " done(Array.from(document.fonts).filter(function (f) { return f.status !== 'unloaded'; }).map(function (f) { return f.family + ':' + f.status; })); });"));
        Assert.Contains("KaTeX_Main:loaded", fonts);
        Assert.DoesNotContain(fonts, f => f.EndsWith(":error"));

        // Nothing left the disk: every resource the page fetched or links to is a file: or data: URL.
        var fetched = Strings(js.ExecuteScript(
            "return performance.getEntriesByType('resource').map(function (e) { return e.name; })" +
            ".concat(Array.from(document.querySelectorAll('script[src], link[href], img[src]')).map(function (e) { return e.src || e.href; }));"));
        Assert.Contains(fetched, u => u.EndsWith("/assets/plotly/plotly.min.js"));
        Assert.All(fetched, u => Assert.Matches("^(file|data):", u));

        var errors = driver.Manage().Logs.GetLog(LogType.Browser)
            .Where(e => e.Level >= OpenQA.Selenium.LogLevel.Severe).Select(e => e.Message).ToList();
        Assert.True(errors.Count == 0, $"browser console errors:\n{string.Join("\n", errors)}");
    }
}
