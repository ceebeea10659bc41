using Course.Kit.Display;

namespace Course.Kit.Tests;

public class LiveProgressTests
{
    [Fact]
    public void ProgressBar_ShowsOneOutputAndUpdatesItInPlace()
    {
        var host = new RecordingHost();
        var clock = new FakeClock();
        using (var bar = new ProgressBar(4, "epoch 1", new LiveOutput(host, TimeSpan.FromSeconds(0.25), () => clock.Now)))
            for (int i = 0; i < 4; i++)
            {
                clock.Advance(1);
                bar.Step();
            }

        var output = Assert.Single(host.Outputs);
        Assert.Equal(6, output.Count); // shown at 0, four due updates, the final draw on dispose
        Assert.StartsWith("epoch 1 [------------------------------]   0% 0/4", output[0]);
        Assert.StartsWith("epoch 1 [##############################] 100% 4/4 4.0s", output[^1]);
        Assert.Contains("<progress value=\"4\" max=\"4\"", host.LastHtml);
    }

    [Fact]
    public void Throttle_SkipsUpdatesInsideTheIntervalButAlwaysDrawsTheEnd()
    {
        var host = new RecordingHost();
        var clock = new FakeClock();
        var bar = new ProgressBar(1000, "", new LiveOutput(host, TimeSpan.FromSeconds(0.25), () => clock.Now));
        for (int i = 0; i < 1000; i++)
        {
            clock.Advance(0.001); // 1000 steps in 1 s: at most 4 redraws besides the first
            bar.Step();
        }
        bar.Dispose();

        var output = Assert.Single(host.Outputs);
        Assert.InRange(output.Count, 5, 6);
        Assert.Contains("1000/1000", output[^1]);
    }

    [Fact]
    public void LiveOutput_IsDueOnlyAfterTheInterval()
    {
        var clock = new FakeClock();
        var live = new LiveOutput(new RecordingHost(), TimeSpan.FromSeconds(0.5), () => clock.Now);
        Assert.True(live.Publish("first"));
        clock.Advance(0.4);
        Assert.False(live.IsDue);
        Assert.False(live.Publish("skipped"));
        clock.Advance(0.1);
        Assert.True(live.Publish("second"));
        Assert.True(live.PublishNow("forced"));
    }

    [Fact]
    public void Over_StepsOncePerItemAndUsesTheCollectionCount()
    {
        var host = new RecordingHost();
        var clock = new FakeClock();
        var seen = ProgressBar.Over(new[] { 'a', 'b', 'c' }, "letters", new LiveOutput(host, TimeSpan.Zero, () => clock.Now)).ToList();

        Assert.Equal("abc", new string(seen.ToArray()));
        var output = Assert.Single(host.Outputs);
        Assert.Contains("3/3", output[^1]);
    }

    [Fact]
    public void TrainingBoard_DrawsCurvesAndTableInOneUpdatingOutput()
    {
        var host = new RecordingHost();
        var clock = new FakeClock();
        var board = new TrainingBoard("epoch", new LiveOutput(host, TimeSpan.FromSeconds(0.25), () => clock.Now));
        for (int epoch = 1; epoch <= 3; epoch++)
        {
            clock.Advance(1);
            board.Progress($"epoch {epoch}/3", epoch, 3);
            board.Log("loss", "train", epoch, 1.0 / epoch);
            board.Log("loss", "valid", epoch, 1.5 / epoch);
            board.Log("accuracy", "valid", epoch, 0.3 * epoch);
        }
        board.Finish();

        var output = Assert.Single(host.Outputs);
        Assert.True(output.Count >= 4);
        Assert.Equal("epoch 3/3 [##############################] 100% 3/3 3.0s | train loss 0.3333, valid loss 0.5, valid accuracy 0.9", output[^1]);
        Assert.Contains("Plotly.newPlot", host.LastHtml);
        Assert.Contains("<th>accuracy</th>", host.LastHtml);
        var figure = board.ToFigure().ToJson();
        Assert.Contains("\"yaxis2\":{\"title\":{\"text\":\"accuracy\"}}", figure);
    }
}

/// <summary>Tests that change process-wide state (Console.Out, torch's default generator) run alone.</summary>
[CollectionDefinition("GlobalState", DisableParallelization = true)]
public class GlobalStateCollection;

[Collection("GlobalState")]
public class ConsoleFallbackTests
{
    [Fact]
    public void WithoutANotebook_ProgressPrintsPlainTextLines()
    {
        var saved = (Console.Out, DisplayHost.Current);
        var captured = new StringWriter();
        try
        {
            Console.SetOut(captured);
            DisplayHost.Current = null; // no runner; tests do not run inside the .NET Interactive kernel
            var live = new LiveOutput();
            Assert.Equal(LiveOutput.ConsoleInterval, live.MinInterval);
            using (var bar = new ProgressBar(2, "copy", live))
            {
                bar.Step();
                bar.Step();
            }
        }
        finally
        {
            Console.SetOut(saved.Out);
            DisplayHost.Current = saved.Current;
        }

        var lines = captured.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 2, captured.ToString());
        Assert.StartsWith("copy [------------------------------]   0% 0/2", lines[0]);
        Assert.StartsWith("copy [##############################] 100% 2/2", lines[^1]);
    }

    [Fact]
    public void AnInstalledHostWinsOverTheConsole()
    {
        var saved = DisplayHost.Current;
        try
        {
            var host = new RecordingHost();
            DisplayHost.Current = host;
            Assert.Same(host, LiveOutput.ResolveHost());
        }
        finally
        {
            DisplayHost.Current = saved;
        }
    }
}

public class KernelDisplayTests
{
    /// <summary>The shape of the .NET Interactive kernel's helpers (reference §2.6), without the package.</summary>
    public static class FakeKernel
    {
        public static List<FakeDisplayedValue> Displayed { get; } = new();

        public static FakeDisplayedValue display(object value, params string[] mimeTypes)
        {
            var shown = new FakeDisplayedValue(value.ToString()!);
            Displayed.Add(shown);
            return shown;
        }
    }

    /// <summary>Stands for DisplayedValue, whose assembly changed between kernel versions: only Update(object) matters.</summary>
    public sealed class FakeDisplayedValue(string first)
    {
        public List<string> Values { get; } = [first];
        public void Update(object updatedValue) => Values.Add(updatedValue.ToString()!);
    }

    [Fact]
    public void KernelDisplay_IsFoundByNameAndUpdatedThroughTheReturnedHandle()
    {
        var host = KernelDisplayHost.TryFind([typeof(string), typeof(FakeKernel)]);
        Assert.NotNull(host);
        var clock = new FakeClock();
        using (var bar = new ProgressBar(2, "kernel", new LiveOutput(host, TimeSpan.Zero, () => clock.Now)))
        {
            bar.Step();
            bar.Step();
        }

        var shown = Assert.Single(FakeKernel.Displayed);
        Assert.Equal(4, shown.Values.Count);
        Assert.Contains("2/2", shown.Values[^1]);
    }

    [Fact]
    public void OutsideTheKernel_NoKernelDisplayIsFound() => Assert.Null(KernelDisplayHost.TryFind());
}
