namespace Course.Kit.Training;

/// <summary>What one epoch of <see cref="Trainer.Fit"/> measured. Accuracies are null for regression (no class
/// labels); validation values are null without a validation loader.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Mean loss over the epoch's training batches (weighted by batch size).</param>
/// <param name="TrainAccuracy">Fraction of training examples classified correctly during the epoch.</param>
/// <param name="ValidLoss">Mean loss on the validation loader after the epoch.</param>
/// <param name="ValidAccuracy">Validation accuracy after the epoch.</param>
/// <param name="LearningRate">The first parameter group's learning rate during the epoch.</param>
/// <param name="Seconds">Wall time of the epoch, validation included.</param>
public sealed record EpochMetrics(int Epoch, double TrainLoss, double? TrainAccuracy, double? ValidLoss, double? ValidAccuracy,
    double LearningRate, double Seconds);
