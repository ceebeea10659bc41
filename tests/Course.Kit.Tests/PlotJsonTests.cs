using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Course.Kit.Plots;

namespace Course.Kit.Tests;

public class PlotJsonTests
{
    private static JsonObject Json(Figure figure) => JsonNode.Parse(figure.ToJson())!.AsObject();

    private static JsonObject OnlyTrace(Trace trace) =>
        Json(new Figure { Data = { trace } })["data"]!.AsArray().Single()!.AsObject();

    private static string[] Keys(JsonObject o) => o.Select(p => p.Key).Order().ToArray();

    [Fact]
    public void Scatter_WritesTypeModeDataAndStyle_AndLeavesUnsetOut()
    {
        var t = OnlyTrace(new Scatter
        {
            X = new[] { 1.0, 2.0 }, Y = new[] { 3f, 4f }, Mode = "lines+markers", Name = "train",
            Line = new Line { Color = "red", Dash = "dot" }, Marker = new Marker { Size = 4 },
        });
        Assert.Equal(["line", "marker", "mode", "name", "type", "x", "y"], Keys(t));
        Assert.Equal("scatter", (string?)t["type"]);
        Assert.Equal("lines+markers", (string?)t["mode"]);
        Assert.Equal("[1,2]", t["x"]!.ToJsonString());
        Assert.Equal("[3,4]", t["y"]!.ToJsonString());
        Assert.Equal("""{"color":"red","dash":"dot"}""", t["line"]!.ToJsonString());
        Assert.Equal("type", t.First().Key);
    }

    [Fact]
    public void Sliders_WriteStepsWithTheirMethodAndArguments()
    {
        var figure = new Figure
        {
            Layout = new Layout
            {
                Sliders =
                {
                    new Slider
                    {
                        Active = 1, CurrentValue = new SliderCurrentValue { Prefix = "step " },
                        Steps = { new SliderStep { Label = "a", Args = [new Dictionary<string, object> { ["shapes[0].x0"] = 2.5 }] } },
                    },
                },
            },
        };
        Assert.Equal("""[{"steps":[{"label":"a","method":"relayout","args":[{"shapes[0].x0":2.5}]}],"active":1,"currentvalue":{"prefix":"step "}}]""",
            Json(figure)["layout"]!["sliders"]!.ToJsonString());
    }

    [Fact]
    public void NonFiniteNumbers_BecomeNullGaps()
    {
        var t = OnlyTrace(new Scatter { Y = new[] { 1.0, double.NaN, double.PositiveInfinity } });
        Assert.Equal("[1,null,null]", t["y"]!.ToJsonString());
    }

    [Fact]
    public void Bar_TakesCategoryNamesAndPerBarColours()
    {
        var t = OnlyTrace(new Bar
        {
            X = new[] { "cat", "dog" }, Y = new[] { 3, 5 }, Orientation = "v",
            Marker = new Marker { Color = new[] { "red", "blue" } },
        });
        Assert.Equal("bar", (string?)t["type"]);
        Assert.Equal("""["cat","dog"]""", t["x"]!.ToJsonString());
        Assert.Equal("[3,5]", t["y"]!.ToJsonString());
        Assert.Equal("""{"color":["red","blue"]}""", t["marker"]!.ToJsonString());
    }

    [Fact]
    public void Histogram_WritesSamplesBinsAndNorm()
    {
        var t = OnlyTrace(new Histogram { X = new[] { 0.5, 1.5, 1.5 }, NBinsX = 20, HistNorm = "probability", Opacity = 0.5 });
        Assert.Equal(["histnorm", "nbinsx", "opacity", "type", "x"], Keys(t));
        Assert.Equal("histogram", (string?)t["type"]);
        Assert.Equal(20, (int)t["nbinsx"]!);
    }

    [Fact]
    public void Heatmap_WritesRowsLabelsAndDivergingScale()
    {
        var t = OnlyTrace(new Heatmap
        {
            Z = [[1, -2], [3, 4]], X = new[] { "a", "b" }, Y = new[] { "c", "d" },
            ColorScale = ColorScale.RdBu, ZMid = 0, TextTemplate = "%{z}",
        });
        Assert.Equal("heatmap", (string?)t["type"]);
        Assert.Equal("[[1,-2],[3,4]]", t["z"]!.ToJsonString());
        Assert.Equal("RdBu", (string?)t["colorscale"]);
        Assert.Equal(0, (double)t["zmid"]!);
        Assert.Equal("%{z}", (string?)t["texttemplate"]);
    }

    [Fact]
    public void Contour_WritesGridAndContourSettings_AndCustomScaleStops()
    {
        var t = OnlyTrace(new Contour
        {
            Z = [[0, 1], [1, 2]], X = new[] { 0.0, 1.0 }, Y = new[] { 0.0, 1.0 }, NContours = 15,
            Contours = new Contours { Coloring = "lines", ShowLabels = true },
            ColorScale = new ColorScale((0, "white"), (1, "black")),
        });
        Assert.Equal("contour", (string?)t["type"]);
        Assert.Equal(15, (int)t["ncontours"]!);
        Assert.Equal("""{"coloring":"lines","showlabels":true}""", t["contours"]!.ToJsonString());
        Assert.Equal("""[[0,"white"],[1,"black"]]""", t["colorscale"]!.ToJsonString());
    }

    [Fact]
    public void Surface_IsA3DTraceWithSceneAxes()
    {
        var json = Json(new Figure
        {
            Data = { new Surface { Z = [[1, 2], [3, 4]], ShowScale = false } },
            Layout = new Layout { Scene = new Scene { ZAxis = new Axis { Title = "loss" } } },
        });
        var t = json["data"]![0]!;
        Assert.Equal("surface", (string?)t["type"]);
        Assert.False((bool)t["showscale"]!);
        Assert.Equal("loss", (string?)json["layout"]!["scene"]!["zaxis"]!["title"]!["text"]);
    }

    [Fact]
    public void ImageTrace_CarriesAPngDataUri()
    {
        var image = new Images.Image(2, 1, 3, [255, 0, 0, 0, 0, 255]);
        var t = OnlyTrace(new ImageTrace { Source = image.ToDataUri(), Dx = 2 });
        Assert.Equal("image", (string?)t["type"]);
        Assert.StartsWith("data:image/png;base64,", (string?)t["source"]);
        Assert.Equal(2, (double)t["dx"]!);
    }

    [Fact]
    public void Layout_TitlesLogAxesEqualAspectLegendAnnotationsAndShapes()
    {
        var layout = Json(new Figure
        {
            Layout = new Layout
            {
                Title = "Loss",
                XAxis = new Axis { Title = "epoch" },
                YAxis = new Axis { Title = "loss", Type = "log", ScaleAnchor = "x", ScaleRatio = 1 },
                ShowLegend = true,
                Legend = new Legend { Orientation = "h" },
                Annotations = { new Annotation { Text = "min", X = 1, Y = 2, ShowArrow = true } },
                Shapes = { new Shape { X0 = 1, Y0 = 2, X1 = 3, Y1 = 4, Line = new Line { Color = "lime" } } },
            },
        })["layout"]!;
        Assert.Equal("""{"text":"Loss"}""", layout["title"]!.ToJsonString());
        Assert.Equal("epoch", (string?)layout["xaxis"]!["title"]!["text"]);
        Assert.Equal("log", (string?)layout["yaxis"]!["type"]);
        Assert.Equal("x", (string?)layout["yaxis"]!["scaleanchor"]);
        Assert.Equal("h", (string?)layout["legend"]!["orientation"]);
        Assert.Equal("""[{"text":"min","x":1,"y":2,"showarrow":true}]""", layout["annotations"]!.ToJsonString());
        Assert.Equal("""[{"type":"rect","x0":1,"y0":2,"x1":3,"y1":4,"line":{"color":"lime"}}]""", layout["shapes"]!.ToJsonString());
    }

    [Fact]
    public void EmptyLayout_WritesEmptyObject()
    {
        Assert.Equal("""{"data":[],"layout":{}}""", new Figure().ToJson());
    }

    [Fact]
    public void Grid_NumbersCellsRowByRow_AndExtraAxesLandInLayout()
    {
        var grid = new Grid { Rows = 2, Columns = 3 };
        Assert.Equal(("x", "y"), grid.Axes(0, 0));
        Assert.Equal(("x3", "y3"), grid.Axes(0, 2));
        Assert.Equal(("x5", "y5"), grid.Axes(1, 1));
        Assert.Contains("(2, 0) is outside a 2x3 grid", Assert.Throws<ArgumentOutOfRangeException>(() => grid.Axes(2, 0)).Message);

        var (x, y) = grid.Axes(1, 1);
        var json = Json(new Figure
        {
            Data = { new Scatter { Y = new[] { 1.0 }, XAxis = x, YAxis = y } },
            Layout = new Layout { Grid = grid, Axes = { ["yaxis5"] = new Axis { Type = "log" } } },
        });
        Assert.Equal("""{"rows":2,"columns":3,"pattern":"independent"}""", json["layout"]!["grid"]!.ToJsonString());
        Assert.Equal("log", (string?)json["layout"]!["yaxis5"]!["type"]);
        Assert.Equal("x5", (string?)json["data"]![0]!["xaxis"]);
    }

    [Fact]
    public void Trajectory_AddsAPathAndOneArrowPerStepInDataCoordinates()
    {
        var fig = new Figure { Data = { Trajectory.ContourOf((a, b) => a * a + 10 * b * b, -2, 2, -1, 1, steps: 5) } };
        fig.AddTrajectory([-2, -1, -1, 0], [1, 0.5, 0.5, 0], "GD", color: "red");
        Assert.Equal(["contour", "scatter"], fig.Data.Select(t => t.Type));
        var contour = (Contour)fig.Data[0];
        Assert.Equal(5, contour.Z!.Length);
        Assert.Equal(4 + 10 * 1, contour.Z[0][0]);                      // f(-2, -1)
        Assert.Equal(2, fig.Layout.Annotations.Count);                  // the repeated point draws no arrow
        var arrow = Json(fig)["layout"]!["annotations"]![1]!;
        Assert.Equal((0.0, 0.0, -1.0, 0.5), ((double)arrow["x"]!, (double)arrow["y"]!, (double)arrow["ax"]!, (double)arrow["ay"]!));
        Assert.Equal(("x", "y"), ((string?)arrow["axref"], (string?)arrow["ayref"]));
        Assert.Throws<ArgumentException>(() => fig.AddTrajectory([1], [1, 2]));
    }

    [Fact]
    public void ToHtml_HasPlotlyNetInteractiveShape()
    {
        var fig = new Figure { Data = { new Scatter { Y = new[] { 1.0, 2.0 } } }, Layout = new Layout { Title = "</script>" } };
        string html = fig.ToHtml();
        var id = Regex.Match(html, "^<div><div id=\"([0-9a-f-]{36})\"><!-- Plotly chart will be drawn inside this DIV --></div>").Groups[1].Value;
        Assert.NotEqual("", id);
        string render = "renderPlotly_" + id.Replace("-", "");
        Assert.Contains($"var {render} = function() {{", html);
        Assert.Contains($"paths:{{plotly:'{Figure.PlotlyCdn}'}}}}) || require;", html);
        Assert.Contains($"Plotly.newPlot('{id}', data, layout, config);", html);
        Assert.Contains("typeof(requirejs) !== typeof(Function)", html);
        Assert.Contains($"script.onload = function(){{ {render}(); }};", html);
        Assert.Contains("var data = [{\"type\":\"scatter\",\"y\":[1,2]}];", html);
        Assert.EndsWith("</script></div>", html);
        // A title cannot close the script early: '<' is escaped inside the JSON.
        Assert.Single(Regex.Matches(html, "</script>"));
        Assert.NotEqual(html, fig.ToHtml());                            // fresh id per display
    }

    [Fact]
    public void PlotlyVersion_MatchesThePinInEnvironmentPackageJson()
    {
        var package = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "environment", "package.json")))!;
        Assert.Equal(Figure.PlotlyVersion, (string?)package["dependencies"]!["plotly.js-dist-min"]);
    }

    [Fact]
    public void SaveHtml_LinksLocalPlotlyRelatively_OrTheCdn_AndChecksTheFileExists()
    {
        using var dir = new External.TempDir();
        Directory.CreateDirectory(dir.File("js dir"));
        File.WriteAllText(dir.File("js dir/plotly.min.js"), "// stand-in");
        var fig = new Figure { Data = { new Bar { Y = new[] { 1.0 } } }, Layout = new Layout { Title = "a & b" } };

        fig.SaveHtml(dir.File("pages/fig.html"), dir.File("js dir/plotly.min.js"));
        string page = File.ReadAllText(dir.File("pages/fig.html"));
        Assert.Contains("<script src=\"../js%20dir/plotly.min.js\" charset=\"utf-8\"></script>", page);
        Assert.Contains("<title>a &amp; b</title>", page);
        Assert.Contains("Plotly.newPlot('figure', [{\"type\":\"bar\",\"y\":[1]}], {\"title\":{\"text\":\"a \\u0026 b\"}}, {\"responsive\":true});", page);

        fig.SaveHtml(dir.File("cdn.html"));
        Assert.Contains($"<script src=\"{Figure.PlotlyCdn}.js\"", File.ReadAllText(dir.File("cdn.html")));

        var e = Assert.Throws<FileNotFoundException>(() => fig.SaveHtml(dir.File("x.html"), dir.File("missing.js")));
        Assert.Contains("npm ci --prefix environment", e.Message);
        Assert.False(File.Exists(dir.File("x.html")));
    }
}
