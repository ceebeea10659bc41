using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit;

/// <summary>Layer summaries of models, like Python's torchinfo.</summary>
public static class Summary
{
    /// <summary>
    /// Summarizes <paramref name="model"/>: one row per module (depth first) with its type, parameter count and
    /// trainability, plus totals. With <paramref name="inputShape"/>, a zero tensor of that shape runs through the model
    /// (in eval mode, without gradients; the modes are restored afterwards) and forward hooks record each module's
    /// output shape.
    /// </summary>
    /// <param name="model">Any module; with an input shape, a <c>Module&lt;Tensor, Tensor&gt;</c>.</param>
    /// <param name="inputShape">The input's shape, batch included (e.g. [1, 1, 28, 28]); null for no output shapes.</param>
    /// <param name="dtype">The input's dtype (the model's parameters' dtype).</param>
    /// <exception cref="ArgumentException">With an input shape, for a model that does not take one tensor.</exception>
    /// <exception cref="InvalidOperationException">When the model fails on the input (the message names the shape).</exception>
    public static ModuleSummary Of(nn.Module model, long[]? inputShape = null, ScalarType dtype = ScalarType.Float32)
    {
        var outputShapes = inputShape is null ? [] : RecordOutputShapes(model, inputShape, dtype);
        var counted = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        var layers = new List<LayerSummary>();
        foreach (var (name, module) in model.named_modules())
        {
            // Own parameters only, each counted once even when shared, so the rows add up to parameters().Sum(numel).
            var own = module.parameters(recurse: false).Where(counted.Add).ToList();
            layers.Add(new LayerSummary(
                name, TypeName(module), name.Length == 0 ? 0 : name.Count(c => c == '.') + 1,
                outputShapes.GetValueOrDefault(module),
                own.Sum(p => p.numel()), own.Where(p => p.requires_grad).Sum(p => p.numel()),
                module.children().Any()));
        }
        return new ModuleSummary(inputShape, layers);
    }

    /// <summary>The class name without a generic arity suffix (Module`2 → Module).</summary>
    static string TypeName(nn.Module module) => module.GetType().Name.Split('`')[0];

    /// <summary>Runs a zero input through the model with a forward hook on every one-tensor module.</summary>
    static Dictionary<nn.Module, long[]> RecordOutputShapes(nn.Module model, long[] inputShape, ScalarType dtype)
    {
        if (model is not nn.Module<Tensor, Tensor> runnable)
            throw new ArgumentException(
                $"A summary with an input shape runs the model on one tensor, but {TypeName(model)} is not a Module<Tensor, Tensor>; call Summary.Of without an input shape.");
        var shapes = new Dictionary<nn.Module, long[]>(ReferenceEqualityComparer.Instance);
        var hooks = model.modules().OfType<nn.Module<Tensor, Tensor>>()
            .Select(m => m.register_forward_hook((module, _, output) => { shapes[module] = output.shape; return output; }))
            .ToList();
        // Pre-order (parents first), so restoring each module's mode in this order leaves every child as it was.
        var modes = model.modules().Select(m => (module: m, m.training)).ToList();
        model.eval();
        try
        {
            using (no_grad()) runnable.call(zeros(inputShape, dtype));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new InvalidOperationException(
                $"Running an input of shape [{string.Join(", ", inputShape)}] through {TypeName(model)} failed: {e.Message}", e);
        }
        finally
        {
            foreach (var hook in hooks) hook.remove();
            foreach (var (module, training) in modes) module.train(training);
        }
        return shapes;
    }
}
