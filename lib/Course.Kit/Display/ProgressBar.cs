using Course.Torch;

namespace Course.Kit.Display;

/// <summary>
/// A progress bar that redraws one notebook output in place (plain text lines in a console):
/// <code>
/// foreach (var batch in ProgressBar.Over(loader, "epoch 1"))
///     Train(batch);
/// </code>
/// or by hand with <see cref="Step"/> and <see cref="Dispose"/>. Redraws are throttled by its <see cref="LiveOutput"/>;
/// disposing always draws the final state.
/// </summary>
[TypeFormatterSource(typeof(HtmlViewFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class ProgressBar : IHtmlView, IDisposable
{
    private readonly LiveOutput output;
    private readonly ProgressState state;

    /// <summary>Creates a bar for <paramref name="total"/> items (null when unknown) and shows it at 0.</summary>
    /// <param name="total">How many steps make 100%, or null to show only the count.</param>
    /// <param name="description">Text before the bar, such as <c>"epoch 3"</c>.</param>
    /// <param name="output">Where to draw; by default a new <see cref="LiveOutput"/> on the resolved host.</param>
    public ProgressBar(long? total, string description = "", LiveOutput? output = null)
    {
        if (total < 0) throw new ArgumentOutOfRangeException(nameof(total), $"A progress total cannot be negative, got {total}.");
        this.output = output ?? new LiveOutput();
        state = new ProgressState(description, total, () => this.output.Elapsed);
        this.output.PublishNow(this);
    }

    /// <summary>Steps done so far.</summary>
    public long Done => state.Done;

    /// <summary>Steps that make 100%, or null when unknown.</summary>
    public long? Total => state.Total;

    /// <summary>Text after the bar, such as the current loss; shown at the next redraw.</summary>
    public string Status { get => state.Status; set => state.Status = value; }

    /// <summary>Advances by <paramref name="count"/> steps and redraws if the output is due.</summary>
    public void Step(long count = 1)
    {
        state.Done += count;
        output.Publish(this);
    }

    /// <summary>Draws the final state (always, whatever the throttle).</summary>
    public void Dispose() => output.PublishNow(this);

    /// <summary>Enumerates <paramref name="items"/> with a bar that steps once per item and finishes at the end.</summary>
    /// <param name="items">The sequence; its count gives the total when it is a collection (or a data loader).</param>
    /// <param name="description">Text before the bar.</param>
    /// <param name="output">Where to draw; by default a new <see cref="LiveOutput"/>.</param>
    public static IEnumerable<T> Over<T>(IEnumerable<T> items, string description = "", LiveOutput? output = null)
    {
        using var bar = new ProgressBar(CountOf(items), description, output);
        foreach (var item in items)
        {
            yield return item;
            bar.Step();
        }
    }

    /// <summary>The number of items when it is known without enumerating: collections and the engine's data loaders.</summary>
    internal static long? CountOf(System.Collections.IEnumerable items) => items switch
    {
        System.Collections.ICollection collection => collection.Count,
        Course.Torch.Modules.DataLoader loader => loader.Count,
        Course.Torch.Modules.IterableDataLoader loader => loader.Count,
        _ => null,
    };

    /// <summary>The bar as one text line.</summary>
    public override string ToString() => state.ToText();

    /// <summary>The bar as an HTML progress element with counts, times and status.</summary>
    public string ToHtml() => state.ToHtml();
}
