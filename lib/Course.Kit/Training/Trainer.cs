using System.Collections;
using System.Diagnostics;
using Course.Kit.Display;
using Course.Torch;
using static Course.Torch.torch;
using LRScheduler = Course.Torch.torch.optim.lr_scheduler.LRScheduler;
using OneCycleLR = Course.Torch.torch.optim.lr_scheduler.impl.OneCycleLR;

namespace Course.Kit.Training;

/// <summary>
/// The standard training loop, with a live board (progress, loss and accuracy curves) in one notebook output:
/// <code>
/// var history = Trainer.Fit(net, trainLoader, validLoader, nn.CrossEntropyLoss(),
///                           optim.SGD(net.parameters(), 0.1), epochs: 10);
/// </code>
/// Classification or regression is read from the data: int64 targets with [N, C] outputs are class labels and get
/// accuracies; anything else is regression (loss only). Loaders may yield DataLoader batches ("data"/"label"),
/// TensorDataset batches (a list of input and target) or (input, target) tuples.
/// </summary>
public static class Trainer
{
    /// <summary>How many points per epoch the board's running training curves get.</summary>
    private const int PointsPerEpoch = 5;

    /// <summary>Trains <paramref name="model"/> for <paramref name="epochs"/> epochs and returns the per-epoch metrics.</summary>
    /// <param name="model">The network; put in train mode for training and eval mode for validation.</param>
    /// <param name="trainLoader">Training batches, enumerated once per epoch.</param>
    /// <param name="validLoader">Validation batches evaluated after each epoch, or null.</param>
    /// <param name="loss">The loss, called as <c>loss.call(output, target)</c>, reducing to a mean over the batch.</param>
    /// <param name="optimizer">Updates the model's parameters after each batch.</param>
    /// <param name="epochs">How many passes over <paramref name="trainLoader"/>.</param>
    /// <param name="scheduler">Steps once per epoch (ReduceLROnPlateau gets the validation loss, or the training
    /// loss without validation); OneCycleLR steps once per batch, as it expects.</param>
    /// <param name="output">Where the live board goes; by default a new <see cref="LiveOutput"/> on the resolved host.</param>
    /// <exception cref="ArgumentException">For a loader that yields no batches or batches of an unknown shape.</exception>
    public static History Fit(nn.Module<Tensor, Tensor> model, IEnumerable trainLoader, IEnumerable? validLoader,
        nn.Module<Tensor, Tensor, Tensor> loss, optim.Optimizer optimizer, int epochs, LRScheduler? scheduler = null,
        LiveOutput? output = null)
    {
        if (epochs < 1) throw new ArgumentOutOfRangeException(nameof(epochs), $"epochs must be at least 1, got {epochs}.");
        var history = new History();
        var board = new TrainingBoard("epoch", output);
        long? batches = ProgressBar.CountOf(trainLoader);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            double learningRate = optimizer.ParamGroups.First().LearningRate;
            model.train();
            var sums = new Accumulator(3); // loss × examples, correct, examples
            bool classification = false;
            long batch = 0;
            foreach (var item in trainLoader)
            {
                var (x, y) = Batches.Split(item, "train loader");
                optimizer.zero_grad();
                var scores = model.call(x);
                var batchLoss = loss.call(scores, y);
                batchLoss.backward();
                optimizer.step();
                if (scheduler is OneCycleLR) scheduler.step();

                classification = IsClassification(scores, y);
                long n = x.shape[0];
                sums.Add(batchLoss.item<float>() * n, classification ? Metrics.Correct(scores, y) : 0, n);
                batch++;
                board.Progress($"epoch {epoch}/{epochs}", batch, batches, $"loss {sums[0] / sums[2]:0.####}");
                // A few running-mean points inside the epoch, at fractional epochs as d2l's animator draws them.
                if (batches is { } total && batch < total && batch % Math.Max(1, total / PointsPerEpoch) == 0)
                    LogTrain(board, epoch - 1 + (double)batch / total, sums, classification);
            }
            if (batch == 0) throw new ArgumentException($"The train loader yielded no batches in epoch {epoch}.", nameof(trainLoader));
            LogTrain(board, epoch, sums, classification);

            var valid = validLoader is null ? null : Evaluate(model, validLoader, loss);
            if (valid != null)
            {
                board.Log("loss", "valid", epoch, valid.Loss);
                board.Log("accuracy", "valid", epoch, valid.Accuracy ?? double.NaN);
            }
            if (scheduler is not null and not OneCycleLR) scheduler.step(valid?.Loss ?? sums[0] / sums[2]);
            history.Add(new EpochMetrics(epoch, sums[0] / sums[2], classification ? sums[1] / sums[2] : null,
                valid?.Loss, valid?.Accuracy, learningRate, clock.Elapsed.TotalSeconds));
        }
        board.Finish();
        return history;
    }

    /// <summary>
    /// The mean loss and (for class labels) the accuracy of <paramref name="model"/> on <paramref name="loader"/>,
    /// computed in eval mode without gradients; the model's train/eval mode is restored afterwards.
    /// </summary>
    /// <exception cref="ArgumentException">For a loader that yields no batches or batches of an unknown shape.</exception>
    public static Evaluation Evaluate(nn.Module<Tensor, Tensor> model, IEnumerable loader, nn.Module<Tensor, Tensor, Tensor> loss)
    {
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var _ = no_grad();
            var sums = new Accumulator(3); // loss × examples, correct, examples
            bool classification = false;
            foreach (var item in loader)
            {
                var (x, y) = Batches.Split(item, "evaluation loader");
                var scores = model.call(x);
                classification = IsClassification(scores, y);
                long n = x.shape[0];
                sums.Add(loss.call(scores, y).item<float>() * n, classification ? Metrics.Correct(scores, y) : 0, n);
            }
            if (sums[2] == 0) throw new ArgumentException("The evaluation loader yielded no examples.", nameof(loader));
            return new Evaluation(sums[0] / sums[2], classification ? sums[1] / sums[2] : null, (long)sums[2]);
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    /// <summary>Class labels: int64 targets, one per row of [N, C] scores.</summary>
    private static bool IsClassification(Tensor scores, Tensor target) =>
        target.dtype == ScalarType.Int64 && target.ndim == 1 && scores.ndim == 2;

    private static void LogTrain(TrainingBoard board, double x, Accumulator sums, bool classification)
    {
        board.Log("loss", "train", x, sums[0] / sums[2]);
        if (classification) board.Log("accuracy", "train", x, sums[1] / sums[2]);
    }
}
