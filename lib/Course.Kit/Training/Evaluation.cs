namespace Course.Kit.Training;

/// <summary>The result of <see cref="Trainer.Evaluate"/>.</summary>
/// <param name="Loss">Mean loss per example (batch losses weighted by batch size).</param>
/// <param name="Accuracy">Fraction classified correctly, or null for regression targets.</param>
/// <param name="Count">How many examples were evaluated.</param>
public sealed record Evaluation(double Loss, double? Accuracy, long Count);
