using System.Text.Json.Nodes;

namespace Course.Kit.Plots;

/// <summary>
/// A Plotly figure: traces plus a layout, built with object initializers:
/// <code>
/// var fig = new Figure
/// {
///     Data = { new Scatter { X = epochs, Y = losses, Mode = "lines", Name = "train" } },
///     Layout = new Layout { Title = "Loss", YAxis = new Axis { Type = "log" } },
/// };
/// </code>
/// In a notebook it displays as the same text/html Plotly.NET.Interactive emits; <see cref="SaveHtml"/>
/// writes a standalone page.
/// </summary>
[Course.Torch.TypeFormatterSource(typeof(Course.Kit.Display.HtmlViewFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class Figure : Course.Kit.Display.IHtmlView
{
    /// <summary>The plotly.js version pinned in environment/package.json and loaded from the CDN.</summary>
    public const string PlotlyVersion = "4.1.2";

    /// <summary>The CDN address of plotly.js without the <c>.js</c> suffix, as require.js wants it.</summary>
    public const string PlotlyCdn = "https://cdn.jsdelivr.net/npm/plotly.js-dist-min@" + PlotlyVersion + "/plotly.min";

    private const string RequireJsCdn = "https://cdnjs.cloudflare.com/ajax/libs/require.js/2.3.6/require.min.js";

    /// <summary>The traces, drawn in order.</summary>
    public List<Trace> Data { get; } = new();

    /// <summary>Titles, axes, legend, annotations, shapes and subplots.</summary>
    public Layout Layout { get; set; } = new();

    /// <summary>The figure as Plotly JSON: <c>{"data": […], "layout": {…}}</c>.</summary>
    public string ToJson() => ToNode().ToJsonString(PlotlyJson.Options);

    private JsonObject ToNode()
    {
        var data = new JsonArray(Data.Select(trace => PlotlyJson.ToNode(trace)).ToArray());
        var layout = (JsonObject)PlotlyJson.ToNode(Layout)!;
        foreach (var (name, axis) in Layout.Axes)
            layout[name] = PlotlyJson.ToNode(axis);
        return new JsonObject { ["data"] = data, ["layout"] = layout };
    }

    // Responsive: the figure follows the width of the notebook output.
    private const string ConfigJson = """{"responsive":true}""";

    /// <summary>
    /// The figure as notebook HTML, in the shape Plotly.NET.Interactive emits: a div with a fresh id and a
    /// script that loads plotly.js through require.js (which Jupyter and VS Code may already have), first
    /// loading require.js from a CDN when the page has none. Viewing the output needs internet access.
    /// </summary>
    public string ToHtml()
    {
        string id = Guid.NewGuid().ToString();
        string render = "renderPlotly_" + id.Replace("-", "");
        var node = ToNode();
        string data = node["data"]!.ToJsonString(PlotlyJson.Options), layout = node["layout"]!.ToJsonString(PlotlyJson.Options);
        return $$$"""
            <div><div id="{{{id}}}"><!-- Plotly chart will be drawn inside this DIV --></div>
            <script type="text/javascript">
            var {{{render}}} = function() {
                var coursePlotlyRequire = requirejs.config({context:'course-plotly',paths:{plotly:'{{{PlotlyCdn}}}'}}) || require;
                coursePlotlyRequire(['plotly'], function(Plotly) {
                    var data = {{{data}}};
                    var layout = {{{layout}}};
                    var config = {{{ConfigJson}}};
                    Plotly.newPlot('{{{id}}}', data, layout, config);
                });
            };
            if ((typeof(requirejs) !== typeof(Function)) || (typeof(requirejs.config) !== typeof(Function))) {
                var script = document.createElement("script");
                script.setAttribute("charset", "utf-8");
                script.setAttribute("src", "{{{RequireJsCdn}}}");
                script.onload = function(){ {{{render}}}(); };
                document.getElementsByTagName("head")[0].appendChild(script);
            } else { {{{render}}}(); }
            </script></div>
            """;
    }

    /// <summary>
    /// Writes a standalone HTML page showing the figure (atomically: temporary file, then move).
    /// With <paramref name="plotlyJsPath"/> (e.g. environment/node_modules/plotly.js-dist-min/plotly.min.js)
    /// the page loads that file through a relative link and works offline as long as both files stay
    /// where they are; without it, the page loads plotly.js from the CDN.
    /// </summary>
    public void SaveHtml(string path, string? plotlyJsPath = null)
    {
        string src = PlotlyCdn + ".js";
        if (plotlyJsPath != null)
        {
            string full = Path.GetFullPath(plotlyJsPath);
            if (!File.Exists(full))
                throw new FileNotFoundException($"plotly.js not found at {full}; run `npm ci --prefix environment`.", full);
            string relative = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(path))!, full);
            src = string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));
        }
        var node = ToNode();
        string data = node["data"]!.ToJsonString(PlotlyJson.Options), layout = node["layout"]!.ToJsonString(PlotlyJson.Options);
        string title = System.Net.WebUtility.HtmlEncode(Layout.Title?.Text ?? "Figure");
        string page = $$"""
            <!DOCTYPE html>
            <html>
            <head>
            <meta charset="utf-8">
            <title>{{title}}</title>
            <script src="{{src}}" charset="utf-8"></script>
            </head>
            <body>
            <div id="figure" style="width:100%;height:90vh"></div>
            <script type="text/javascript">
            Plotly.newPlot('figure', {{data}}, {{layout}}, {{ConfigJson}});
            </script>
            </body>
            </html>

            """;
        AtomicFile.WriteAllText(path, page);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"Figure: {Data.Count} trace(s) [{string.Join(", ", Data.Select(t => t.Type))}]" +
        (Layout.Title?.Text is { } text ? $", \"{text}\"" : "");
}
