using System.Diagnostics;

namespace Course.Kit.Training;

/// <summary>
/// Records the duration of repeated runs, as d2l's <c>Timer</c>: <see cref="Start"/> … <see cref="Stop"/>, then
/// <see cref="Average"/>, <see cref="Sum"/> or <see cref="Cumulative"/>. It starts running when created.
/// </summary>
public sealed class Timer
{
    private readonly List<double> times = new();
    private long startedAt;

    /// <summary>Creates a timer and starts it.</summary>
    public Timer() => Start();

    /// <summary>Starts (or restarts) the current run.</summary>
    public void Start() => startedAt = Stopwatch.GetTimestamp();

    /// <summary>Ends the current run, records it and returns its length in seconds.</summary>
    public double Stop()
    {
        times.Add(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);
        return times[^1];
    }

    /// <summary>The recorded runs, in seconds.</summary>
    public IReadOnlyList<double> Times => times;

    /// <summary>The mean run length in seconds (NaN before the first <see cref="Stop"/>).</summary>
    public double Average => times.Count == 0 ? double.NaN : times.Average();

    /// <summary>The total of all runs in seconds.</summary>
    public double Sum => times.Sum();

    /// <summary>The running totals: element i is the time of runs 0..i.</summary>
    public double[] Cumulative()
    {
        var totals = new double[times.Count];
        double sum = 0;
        for (int i = 0; i < times.Count; i++) totals[i] = sum += times[i];
        return totals;
    }
}
