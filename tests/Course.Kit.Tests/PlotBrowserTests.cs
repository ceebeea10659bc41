using Course.Kit.Images;
using Course.Kit.Plots;
using OpenQA.Selenium;
using Course.Tests.Shared;

namespace Course.Kit.Tests;

/// <summary>
/// plotly.js itself judges our JSON: a saved page is opened in headless Chromium (Debian's chromium and
/// chromium-driver, driven by Selenium) with the local plotly.js from environment/node_modules.
/// </summary>
public class PlotBrowserTests
{
    private static string PlotlyJs()
    {
        string path = Path.Combine(Repo.Root, "environment", "node_modules", "plotly.js-dist-min", "plotly.min.js");
        Assert.True(File.Exists(path), $"{path} is missing: run `npm ci --prefix environment` (environment/setup.sh does).");
        return path;
    }

    private static Figure EveryTraceType()
    {
        var grid = new Grid { Rows = 2, Columns = 3 };
        var picture = new Image(8, 8, 3);
        for (int y = 0; y < 8; y++)
            for (int x = 0; x < 8; x++)
                picture[x, y, (x + y) % 3] = 255;
        Trace In(Trace t, int row, int column) { (t.XAxis, t.YAxis) = grid.Axes(row, column); return t; }
        var fig = new Figure
        {
            Data =
            {
                Trajectory.ContourOf((a, b) => a * a + 10 * b * b, -2, 2, -1, 1, steps: 30),
                In(new Scatter { X = new[] { 1.0, 2, 3 }, Y = new[] { 1.0, 0.1, 0.01 }, Mode = "lines", Name = "loss" }, 0, 1),
                In(new Bar { X = new[] { "cat", "dog" }, Y = new[] { 3, 5 } }, 0, 2),
                In(new Histogram { X = new[] { 0.1, 0.2, 0.2, 0.9 }, NBinsX = 5 }, 1, 0),
                In(new Heatmap { Z = [[1, -2], [3, 4]], X = new[] { "a", "b" }, Y = new[] { "c", "d" }, ColorScale = ColorScale.RdBu, ZMid = 0 }, 1, 1),
                In(new ImageTrace { Source = picture.ToDataUri() }, 1, 2),
            },
            Layout = new Layout
            {
                Title = "Every 2-D trace type",
                Grid = grid,
                YAxis = new Axis { ScaleAnchor = "x", Title = "y" },
                Axes = { ["yaxis2"] = new Axis { Type = "log", Title = "loss" } },
                Shapes = { new Shape { X0 = -1, Y0 = -0.5, X1 = 1, Y1 = 0.5, Line = new Line { Color = "red" } } },
            },
        };
        return fig.AddTrajectory([-1.8, -1, -0.5, 0], [0.9, -0.6, 0.3, 0], "GD", color: "white");
    }

    /// <summary>A square that a slider moves along a row: three relayout steps.</summary>
    private static Figure SlidingSquare()
    {
        var slider = new Slider { Active = 0, CurrentValue = new SliderCurrentValue { Prefix = "x0 = " }, Pad = new Pad { T = 30 } };
        foreach (int x in new[] { 0, 2, 4 })
            slider.Steps.Add(new SliderStep
            {
                Label = x.ToString(), Method = "relayout",
                Args = [new Dictionary<string, object> { ["shapes[0].x0"] = x, ["shapes[0].x1"] = x + 1 }],
            });
        return new Figure
        {
            Data = { new Heatmap { Z = [[0, 1, 0, 1, 0, 1], [1, 0, 1, 0, 1, 0]] } },
            Layout = new Layout { Shapes = { new Shape { X0 = 0, X1 = 1, Y0 = -0.5, Y1 = 1.5 } }, Sliders = { slider } },
        };
    }

    private static void WaitForPlot(IWebDriver driver, string selector) =>
        new OpenQA.Selenium.Support.UI.DefaultWait<IWebDriver>(driver) { Timeout = TimeSpan.FromSeconds(30) }
            .Until(d => d.FindElements(By.CssSelector(selector)).Count > 0);

    [Fact]
    public void Chromium_DrawsSavedFigures_WithoutConsoleErrorsOrInvalidAttributes()
    {
        string plotlyJs = PlotlyJs();
        using var dir = new External.TempDir();
        var figures = new Dictionary<string, Figure>
        {
            ["grid.html"] = EveryTraceType(),
            ["surface.html"] = new Figure
            {
                Data = { new Surface { Z = [[1, 2, 3], [2, 3, 4], [3, 4, 6]], ColorScale = ColorScale.Viridis } },
                Layout = new Layout { Title = "Surface", Scene = new Scene { ZAxis = new Axis { Title = "loss" } } },
            },
            ["slider.html"] = SlidingSquare(),
        };

        using var driver = HeadlessChromium.Start(dir.File("profile"));

        foreach (var (name, figure) in figures)
        {
            string page = dir.File(name);
            figure.SaveHtml(page, plotlyJs);
            driver.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
            WaitForPlot(driver, "#figure .main-svg");

            // Plotly.validate lists attributes plotly.js does not know or values it rejects. It compares object-valued
            // slider step args by identity after copying them, so it reports every one of them ("got reset to
            // [object Object]"); those are checked below by running a step instead.
            var problems = ((IJavaScriptExecutor)driver).ExecuteScript(
                "var f = JSON.parse(arguments[0]); var r = Plotly.validate(f.data, f.layout);" +
                "r = (r || []).filter(function (e) { return !/^sliders\\[\\d+\\]\\.steps\\[\\d+\\]\\.args\\[/.test(e.astr || ''); });" +
                "return r.length ? JSON.stringify(r.map(function (e) { return e.msg; })) : '';", figure.ToJson());
            Assert.Equal("", problems);

            // Errors only: software WebGL logs performance warnings (GPU stalls) that say nothing about the figure.
            var errors = driver.Manage().Logs.GetLog(LogType.Browser)
                .Where(e => e.Level >= OpenQA.Selenium.LogLevel.Severe).Select(e => e.Message).ToList();
            Assert.True(errors.Count == 0, $"{name}: browser console errors:\n{string.Join("\n", errors)}");
        }

        // The slider drew, and its second step moves the square: the step runs its Plotly method with its arguments.
        driver.Navigate().GoToUrl(new Uri(dir.File("slider.html")).AbsoluteUri);
        WaitForPlot(driver, "#figure .slider-container");
        Assert.Equal(2.0, Convert.ToDouble(((IJavaScriptExecutor)driver).ExecuteAsyncScript(
            "var done = arguments[arguments.length - 1], gd = document.getElementById('figure'), step = gd.layout.sliders[0].steps[1];" +
            "Plotly[step.method].apply(null, [gd].concat(step.args)).then(function () { done(gd.layout.shapes[0].x0); });")));

        // The grid page drew all six subplots and the image trace.
        driver.Navigate().GoToUrl(new Uri(dir.File("grid.html")).AbsoluteUri);
        WaitForPlot(driver, "#figure .main-svg");
        Assert.Equal(6L, ((IJavaScriptExecutor)driver).ExecuteScript(
            "return document.querySelectorAll('#figure .cartesianlayer .subplot').length;"));
        Assert.Equal(1L, ((IJavaScriptExecutor)driver).ExecuteScript(
            "return document.querySelectorAll('#figure .imagelayer image, #figure .im image').length;"));
    }

    [Fact]
    public void Chromium_RunsNotebookHtml_ThroughRequireJs()
    {
        // A stand-in for the require.js a notebook page provides: it records the configured path and hands
        // over the locally loaded Plotly, so the test checks our script without network access.
        string plotlyJs = PlotlyJs();
        using var dir = new External.TempDir();
        var figure = new Figure { Data = { new Bar { X = new[] { "a", "b" }, Y = new[] { 1, 2 } } }, Layout = new Layout { Title = "Notebook" } };
        string html = figure.ToHtml();
        File.WriteAllText(dir.File("notebook.html"), $$"""
            <!DOCTYPE html><html><head><meta charset="utf-8">
            <script src="{{new Uri(plotlyJs).AbsoluteUri}}"></script>
            <script>
            var requirejs = function () {};
            requirejs.config = function (c) { window.configuredPlotly = c.paths.plotly; return function (deps, done) { done(window.Plotly); }; };
            </script></head><body>{{html}}</body></html>
            """);
        using var driver = HeadlessChromium.Start(dir.File("profile"));
        driver.Navigate().GoToUrl(new Uri(dir.File("notebook.html")).AbsoluteUri);
        string id = System.Text.RegularExpressions.Regex.Match(html, "<div id=\"([^\"]+)\"").Groups[1].Value;
        WaitForPlot(driver, $"[id='{id}'] .main-svg");
        Assert.Equal(Figure.PlotlyCdn, ((IJavaScriptExecutor)driver).ExecuteScript("return window.configuredPlotly;"));
        Assert.Equal(2L, ((IJavaScriptExecutor)driver).ExecuteScript($"return document.querySelectorAll(\"[id='{id}'] .bars path\").length;"));
        var errors = driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= OpenQA.Selenium.LogLevel.Severe).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Message)));
    }
}
