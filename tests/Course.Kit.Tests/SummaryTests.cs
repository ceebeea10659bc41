using Course.Torch;
using Course.Torch.Modules;
using static Course.Torch.torch;

namespace Course.Kit.Tests;

public class SummaryTests
{
    /// <summary>LeNet-5 for 28×28 inputs, with named fields as a course notebook writes it.</summary>
    sealed class LeNet : nn.Module<Tensor, Tensor>
    {
        readonly nn.Module<Tensor, Tensor> conv1 = nn.Conv2d(1, 6, 5), pool = nn.MaxPool2d(2), conv2 = nn.Conv2d(6, 16, 5);
        readonly nn.Module<Tensor, Tensor> fc1 = nn.Linear(16 * 4 * 4, 120), fc2 = nn.Linear(120, 84), fc3 = nn.Linear(84, 10);

        public LeNet() : base(nameof(LeNet)) => RegisterComponents();

        public override Tensor forward(Tensor x)
        {
            x = pool.call(conv1.call(x).relu());
            x = pool.call(conv2.call(x).relu());
            return fc3.call(fc2.call(fc1.call(x.flatten(1)).relu()).relu());
        }
    }

    static long Numel(nn.Module model) => model.parameters().Sum(p => p.numel());

    [Fact]
    public void LeNet_rows_have_output_shapes_and_parameter_counts_that_add_up()
    {
        var model = new LeNet();
        var summary = Summary.Of(model, inputShape: [1, 1, 28, 28]);

        Assert.Equal(
            [("", "LeNet", "[1, 10]", 0L), ("conv1", "Conv2d", "[1, 6, 24, 24]", 156L), ("pool", "MaxPool2d", "[1, 16, 4, 4]", 0L),
             ("conv2", "Conv2d", "[1, 16, 8, 8]", 2416L), ("fc1", "Linear", "[1, 120]", 30840L), ("fc2", "Linear", "[1, 84]", 10164L),
             ("fc3", "Linear", "[1, 10]", 850L)],
            summary.Layers.Select(l => (l.Name, l.Type, "[" + string.Join(", ", l.OutputShape!) + "]", l.Parameters)));
        Assert.Equal(44426, summary.TotalParameters);
        Assert.Equal(Numel(model), summary.TotalParameters);
        Assert.Equal(summary.TotalParameters, summary.TrainableParameters);
        Assert.Contains("Total params: 44,426", summary.ToString());
        Assert.Contains("  conv2 (Conv2d)", summary.ToString());
        Assert.Contains("<td style=\"text-align: right\">[1, 6, 24, 24]</td>", summary.ToHtml());
    }

    [Fact]
    public void VGG16_totals_equal_its_parameters()
    {
        var model = torchvision.models.vgg16();
        var summary = Summary.Of(model);
        Assert.Equal(Numel(model), summary.TotalParameters);
        Assert.Equal(138_357_544, summary.TotalParameters);
        Assert.All(summary.Layers, l => Assert.Null(l.OutputShape));
    }

    [Fact]
    public void ResNet18_totals_equal_its_parameters_and_shapes_follow_the_stages()
    {
        var model = torchvision.models.resnet18();
        var summary = Summary.Of(model, inputShape: [1, 3, 64, 64]);
        Assert.Equal(Numel(model), summary.TotalParameters);
        Assert.Equal(11_689_512, summary.TotalParameters);
        Assert.Equal([1L, 512, 2, 2], summary.Layers.Single(l => l.Name == "layer4").OutputShape!);
        Assert.Equal([1L, 1000], summary.Layers[0].OutputShape!);
    }

    [Fact]
    public void Frozen_and_shared_parameters_are_counted_once_and_as_not_trainable()
    {
        var shared = nn.Linear(4, 4);
        var model = nn.Sequential(shared, nn.ReLU(), shared, nn.Linear(4, 2));
        foreach (var p in shared.parameters()) p.requires_grad = false;
        var summary = Summary.Of(model, inputShape: [3, 4]);
        Assert.Equal(Numel(model), summary.TotalParameters);
        Assert.Equal(20 + 10, summary.TotalParameters);
        Assert.Equal(20, summary.NonTrainableParameters);
        Assert.Equal(["--", "False", "--", "--", "True"], summary.Layers.Select(l => l.Trainable));
    }

    [Fact]
    public void The_dummy_pass_restores_training_modes()
    {
        var model = nn.Sequential(nn.Linear(2, 2), nn.Dropout(0.5));
        model.train();
        model.children().First().eval();
        Summary.Of(model, inputShape: [1, 2]);
        Assert.Equal([true, false, true], model.modules().Select(m => m.training));
    }

    [Fact]
    public void A_wrong_input_shape_or_a_model_without_one_tensor_input_is_explained()
    {
        var failed = Assert.Throws<InvalidOperationException>(() => Summary.Of(new LeNet(), inputShape: [1, 3, 28, 28]));
        Assert.Contains("[1, 3, 28, 28]", failed.Message);
        Assert.Contains("LeNet", failed.Message);
        var lstm = Assert.Throws<ArgumentException>(() => Summary.Of(nn.LSTM(4, 8), inputShape: [5, 1, 4]));
        Assert.Contains("LSTM", lstm.Message);
        Assert.Equal(Numel(nn.LSTM(4, 8)), Summary.Of(nn.LSTM(4, 8)).TotalParameters);
    }
}
