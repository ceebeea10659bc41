using Course.Kit.Display;

namespace Course.Kit.Tests;

/// <summary>A display host that records what was shown (as text) and every in-place update of each output.</summary>
internal sealed class RecordingHost : IDisplayHost
{
    public List<List<string>> Outputs { get; } = new();

    public IDisplayHandle Show(object value)
    {
        var history = new List<string> { Render(value) };
        Outputs.Add(history);
        return new Handle(this, history);
    }

    /// <summary>The text/html of the last value shown or updated, formatted as a notebook kernel would.</summary>
    public string LastHtml { get; private set; } = "";

    // Like a notebook kernel: find the convention formatters by reflection and format the value when it arrives.
    private string Render(object value)
    {
        if (value is string text) return text;
        var html = new StringWriter();
        var plain = new StringWriter();
        Assert.True(Format(value, "text/html", html), $"No text/html for {value.GetType().Name}.");
        Assert.True(Format(value, "text/plain", plain), $"No text/plain for {value.GetType().Name}.");
        LastHtml = html.ToString();
        return plain.ToString();
    }

    private static bool Format(object value, string mimeType, TextWriter writer)
    {
        var attribute = value.GetType().GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var source = Activator.CreateInstance(sourceType, nonPublic: true)!;
        var formatters = (IEnumerable<object>)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;
        var formatter = formatters.Single(f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)! == mimeType);
        return (bool)formatter.GetType().GetMethod("Format")!.Invoke(formatter, [value, writer])!;
    }

    private sealed class Handle(RecordingHost host, List<string> history) : IDisplayHandle
    {
        public void Update(object value) => history.Add(host.Render(value));
    }
}

/// <summary>A clock that only moves when told to.</summary>
internal sealed class FakeClock
{
    public TimeSpan Now { get; set; }
    public void Advance(double seconds) => Now += TimeSpan.FromSeconds(seconds);
}
