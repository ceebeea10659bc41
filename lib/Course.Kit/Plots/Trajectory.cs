namespace Course.Kit.Plots;

/// <summary>Helpers for the optimization chapter: optimizer paths drawn over a loss landscape.</summary>
public static class Trajectory
{
    /// <summary>
    /// Adds an optimizer path to <paramref name="figure"/>: a line through the iterates
    /// (<paramref name="x"/>[k], <paramref name="y"/>[k]) with a marker at each, plus an arrow for every
    /// <paramref name="arrowEvery"/>-th step, pointing from iterate k to iterate k + 1 in data coordinates.
    /// Draw the loss surface first, e.g. with a <see cref="Contour"/> trace.
    /// </summary>
    /// <param name="figure">The figure to draw on.</param>
    /// <param name="x">x coordinate of each iterate, starting point first.</param>
    /// <param name="y">y coordinate of each iterate.</param>
    /// <param name="name">Legend entry, e.g. <c>"SGD, lr=0.1"</c>.</param>
    /// <param name="color">CSS colour of line, markers and arrows.</param>
    /// <param name="arrowEvery">Draw an arrow on every k-th step (0 for none); thins out long paths.</param>
    /// <returns>The same figure, so several paths can be added in a row.</returns>
    public static Figure AddTrajectory(this Figure figure, double[] x, double[] y, string? name = null,
        string color = "white", int arrowEvery = 1)
    {
        if (x.Length != y.Length)
            throw new ArgumentException($"A trajectory needs as many x as y values, got {x.Length} and {y.Length}.");
        if (arrowEvery < 0)
            throw new ArgumentOutOfRangeException(nameof(arrowEvery), "arrowEvery must be 0 (no arrows) or positive.");
        figure.Data.Add(new Scatter
        {
            X = x, Y = y, Name = name, Mode = "lines+markers",
            Line = new Line { Color = color, Width = 2 },
            Marker = new Marker { Color = color, Size = 5 },
        });
        if (arrowEvery == 0) return figure;
        for (int k = 0; k + 1 < x.Length; k += arrowEvery)
        {
            if (x[k] == x[k + 1] && y[k] == y[k + 1]) continue;       // a zero-length arrow has no direction
            figure.Layout.Annotations.Add(new Annotation
            {
                X = x[k + 1], Y = y[k + 1], Ax = x[k], Ay = y[k],
                XRef = "x", YRef = "y", AxRef = "x", AyRef = "y",
                ShowArrow = true, ArrowHead = 2, ArrowSize = 1, ArrowWidth = 1.5, ArrowColor = color, Text = "",
            });
        }
        return figure;
    }

    /// <summary>
    /// Samples <paramref name="f"/> on a <paramref name="steps"/>×<paramref name="steps"/> grid over
    /// [<paramref name="xMin"/>, <paramref name="xMax"/>]×[<paramref name="yMin"/>, <paramref name="yMax"/>] and returns a
    /// filled <see cref="Contour"/> of it: <c>Z[i][j] = f(x[j], y[i])</c>.
    /// </summary>
    public static Contour ContourOf(Func<double, double, double> f, double xMin, double xMax, double yMin, double yMax,
        int steps = 100, ColorScale? colorScale = null)
    {
        if (steps < 2) throw new ArgumentOutOfRangeException(nameof(steps), "A contour grid needs at least 2 steps per axis.");
        double[] xs = Linspace(xMin, xMax, steps), ys = Linspace(yMin, yMax, steps);
        var z = ys.Select(yv => xs.Select(xv => f(xv, yv)).ToArray()).ToArray();
        return new Contour { X = xs, Y = ys, Z = z, ColorScale = colorScale ?? ColorScale.Viridis, NContours = 30 };
    }

    private static double[] Linspace(double start, double end, int count) =>
        Enumerable.Range(0, count).Select(i => start + (end - start) * i / (count - 1)).ToArray();
}
