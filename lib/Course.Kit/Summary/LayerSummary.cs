namespace Course.Kit;

/// <summary>One row of a <see cref="ModuleSummary"/>: a module of the model, in depth-first order.</summary>
/// <param name="Name">The dotted path from the model ("features.0"); empty for the model itself.</param>
/// <param name="Type">The module's class name (Conv2d, Sequential, …).</param>
/// <param name="Depth">0 for the model, 1 for its children, and so on.</param>
/// <param name="OutputShape">The shape this module returned for the summary's input (its last call), or null when the
/// summary ran no input, the module was not called, or it is not a <c>Module&lt;Tensor, Tensor&gt;</c>.</param>
/// <param name="Parameters">Elements of the parameters this module owns directly (not its children's); a parameter
/// shared with an earlier row counts only there.</param>
/// <param name="TrainableParameters">Those of <paramref name="Parameters"/> with requires_grad.</param>
/// <param name="HasChildren">Whether the module contains other modules (a container row).</param>
public sealed record LayerSummary(string Name, string Type, int Depth, long[]? OutputShape, long Parameters, long TrainableParameters, bool HasChildren)
{
    /// <summary>"True", "False", "Partial", or "--" for a module without parameters of its own.</summary>
    public string Trainable => Parameters == 0 ? "--" : TrainableParameters == Parameters ? "True" : TrainableParameters == 0 ? "False" : "Partial";
}
