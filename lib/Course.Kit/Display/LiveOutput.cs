using System.Diagnostics;

namespace Course.Kit.Display;

/// <summary>
/// One notebook output that is shown once and then replaced in place, at most every <see cref="MinInterval"/>
/// (a few times a second), so that redrawing costs a negligible share of a training loop. Progress bars and
/// training boards publish through it.
/// </summary>
public sealed class LiveOutput
{
    /// <summary>The default spacing of updates in a notebook: four per second.</summary>
    public static readonly TimeSpan NotebookInterval = TimeSpan.FromSeconds(0.25);

    /// <summary>The default spacing in a console, where each update is a new line: one per second.</summary>
    public static readonly TimeSpan ConsoleInterval = TimeSpan.FromSeconds(1);

    private readonly Func<TimeSpan> clock;
    private IDisplayHandle? handle;
    private TimeSpan lastShown;

    /// <summary>Creates an output that shows nothing until the first <see cref="Publish"/>.</summary>
    /// <param name="host">Where to show; by default <see cref="ResolveHost"/>.</param>
    /// <param name="minInterval">The least time between two updates; by default <see cref="NotebookInterval"/>,
    /// or <see cref="ConsoleInterval"/> on the console fallback.</param>
    /// <param name="clock">Time since some fixed start; by default a stopwatch. Tests pass a fake clock.</param>
    public LiveOutput(IDisplayHost? host = null, TimeSpan? minInterval = null, Func<TimeSpan>? clock = null)
    {
        Host = host ?? ResolveHost();
        MinInterval = minInterval ?? (Host is ConsoleDisplayHost ? ConsoleInterval : NotebookInterval);
        long start = Stopwatch.GetTimestamp();
        this.clock = clock ?? (() => Stopwatch.GetElapsedTime(start));
        StartTime = this.clock();
    }

    /// <summary>Where the output goes.</summary>
    public IDisplayHost Host { get; }

    /// <summary>The least time between two updates.</summary>
    public TimeSpan MinInterval { get; }

    /// <summary>The clock reading when this output was created.</summary>
    public TimeSpan StartTime { get; }

    /// <summary>Time since this output was created, on its clock.</summary>
    public TimeSpan Elapsed => clock() - StartTime;

    /// <summary>True when a <see cref="Publish"/> now would be shown: nothing shown yet, or the interval has passed.</summary>
    public bool IsDue => handle == null || clock() - lastShown >= MinInterval;

    /// <summary>Shows <paramref name="value"/> if <see cref="IsDue"/>, replacing the previous value; returns whether it did.</summary>
    public bool Publish(object value) => IsDue && PublishNow(value);

    /// <summary>Shows <paramref name="value"/> now, whatever the interval (use it for the final state).</summary>
    /// <returns>Always <see langword="true"/>.</returns>
    public bool PublishNow(object value)
    {
        if (handle == null) handle = Host.Show(value);
        else handle.Update(value);
        lastShown = clock();
        return true;
    }

    /// <summary>
    /// The host outputs go to: <see cref="DisplayHost.Current"/> when a runner installed one; else the .NET
    /// Interactive kernel's <c>display</c> when the code runs inside that kernel; else plain text lines on the console.
    /// </summary>
    public static IDisplayHost ResolveHost() =>
        DisplayHost.Current ?? (IDisplayHost?)KernelDisplayHost.TryFind() ?? new ConsoleDisplayHost();
}
