using System.Globalization;
using System.Text;
using Course.Kit.Display;
using Course.Kit.Plots;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit.Training;

/// <summary>
/// Counts of (true class, predicted class) pairs: row = true label, column = prediction, so the diagonal holds the
/// correct ones. Displays as a Plotly heatmap with the class names and the counts written in the cells.
/// <code>
/// var cm = new ConfusionMatrix(classNames);
/// foreach (var batch in testLoader) cm.Add(net.call(batch["data"]), batch["label"]);
/// cm   // the heatmap
/// </code>
/// </summary>
[TypeFormatterSource(typeof(HtmlViewFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class ConfusionMatrix : IHtmlView
{
    /// <summary>Creates an all-zero matrix for the given classes (their count is the matrix size).</summary>
    public ConfusionMatrix(IReadOnlyList<string> classNames)
    {
        if (classNames.Count < 2) throw new ArgumentException($"A confusion matrix needs at least 2 classes, got {classNames.Count}.", nameof(classNames));
        ClassNames = classNames;
        Counts = new long[classNames.Count, classNames.Count];
    }

    /// <summary>Creates an all-zero matrix for classes named "0", "1", … .</summary>
    public ConfusionMatrix(int classes) : this(Enumerable.Range(0, classes).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray()) { }

    /// <summary>The class names, in index order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary><c>Counts[t, p]</c>: how many examples of true class t were predicted as p.</summary>
    public long[,] Counts { get; }

    /// <summary>Adds a batch: <paramref name="predictions"/> are [N, C] scores (argmax is taken) or [N] class indices.</summary>
    /// <exception cref="ArgumentException">For mismatched shapes or a class index outside the matrix.</exception>
    public void Add(Tensor predictions, Tensor labels)
    {
        using var _ = no_grad();
        var predicted = predictions.ndim == 2 ? predictions.argmax(1) : predictions;
        if (predicted.ndim != 1 || labels.ndim != 1 || predicted.shape[0] != labels.shape[0])
            throw new ArgumentException($"Expected predictions [N, C] or [N] and labels [N], got [{string.Join(", ", predictions.shape)}] and [{string.Join(", ", labels.shape)}].");
        var p = predicted.to(ScalarType.Int64).data<long>().ToArray();
        var t = labels.to(ScalarType.Int64).data<long>().ToArray();
        int classes = ClassNames.Count;
        for (int i = 0; i < t.Length; i++)
        {
            if (t[i] < 0 || t[i] >= classes || p[i] < 0 || p[i] >= classes)
                throw new ArgumentException($"Example {i} has label {t[i]} and prediction {p[i]}; classes are 0..{classes - 1}.");
            Counts[t[i], p[i]]++;
        }
    }

    /// <summary>The number of examples added.</summary>
    public long Total => Counts.Cast<long>().Sum();

    /// <summary>The fraction on the diagonal (correct), NaN when empty.</summary>
    public double Accuracy => Total == 0 ? double.NaN : (double)Enumerable.Range(0, ClassNames.Count).Sum(c => Counts[c, c]) / Total;

    /// <summary>The heatmap: predicted class across, true class down (first class on top), counts in the cells.</summary>
    public Figure ToFigure()
    {
        int n = ClassNames.Count;
        var z = Enumerable.Range(0, n).Select(t => Enumerable.Range(0, n).Select(p => (double)Counts[t, p]).ToArray()).ToArray();
        var names = ClassNames.ToArray();
        return new Figure
        {
            Data = { new Heatmap { Z = z, X = names, Y = names, ColorScale = ColorScale.Blues, TextTemplate = "%{z}" } },
            Layout = new Layout
            {
                Title = $"Confusion matrix (accuracy {Accuracy:0.###})",
                XAxis = new Axis { Title = "predicted" },
                YAxis = new Axis { Title = "true", AutoRange = "reversed" },
            },
        };
    }

    /// <summary>The heatmap as notebook HTML.</summary>
    public string ToHtml() => ToFigure().ToHtml();

    /// <summary>The counts as an aligned text table with class names.</summary>
    public override string ToString()
    {
        int n = ClassNames.Count;
        int width = Math.Max(ClassNames.Max(c => c.Length), Counts.Cast<long>().Max().ToString(CultureInfo.InvariantCulture).Length);
        var text = new StringBuilder("true \\ predicted".PadRight(width) + " ");
        text.AppendJoin(" ", ClassNames.Select(c => c.PadLeft(width)));
        for (int t = 0; t < n; t++)
        {
            text.AppendLine().Append(ClassNames[t].PadRight(Math.Max(width, 16))).Append(' ');
            text.AppendJoin(" ", Enumerable.Range(0, n).Select(p => Counts[t, p].ToString(CultureInfo.InvariantCulture).PadLeft(width)));
        }
        return text.ToString();
    }
}
