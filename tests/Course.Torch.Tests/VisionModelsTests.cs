using System.Text.Json;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

/// <summary>The model families against torchvision: parameter counts from the lecture notes, and state_dict keys and shapes.</summary>
public class VisionModelsTests
{
    static long Count(nn.Module model) => model.parameters().Sum(p => p.numel());

    [Fact] public void AlexNet_has_61_100_840_parameters() => Assert.Equal(61_100_840, Count(torchvision.models.alexnet()));
    [Fact] public void VGG16_has_138_357_544_parameters() => Assert.Equal(138_357_544, Count(torchvision.models.vgg16()));
    [Fact] public void VGG19_has_143_667_240_parameters() => Assert.Equal(143_667_240, Count(torchvision.models.vgg19()));
    [Fact] public void ResNet18_has_11_689_512_parameters() => Assert.Equal(11_689_512, Count(torchvision.models.resnet18()));
    [Fact] public void ResNet34_has_21_797_672_parameters() => Assert.Equal(21_797_672, Count(torchvision.models.resnet34()));
    [Fact] public void GoogLeNet_has_6_624_904_parameters() => Assert.Equal(6_624_904, Count(torchvision.models.googlenet()));
    [Fact] public void ResNet50_has_25_557_032_parameters() => Assert.Equal(25_557_032, Count(torchvision.models.resnet50()));

    public static IEnumerable<object[]> Families => new[] { "alexnet", "vgg11", "vgg16_bn", "resnet18", "resnet50", "googlenet" }.Select(n => new object[] { n });

    [Theory, MemberData(nameof(Families))]
    public void State_dict_keys_and_shapes_equal_torchvisions(string name)
    {
        nn.Module model = name switch
        {
            "alexnet" => torchvision.models.alexnet(),
            "vgg11" => torchvision.models.vgg11(),
            "vgg16_bn" => torchvision.models.vgg16_bn(),
            "resnet18" => torchvision.models.resnet18(),
            "googlenet" => torchvision.models.googlenet(),
            _ => torchvision.models.resnet50(),
        };
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "models.json")));
        var expected = doc.RootElement.GetProperty("models").GetProperty(name).EnumerateArray()
            .Select(e => $"{e[0].GetString()} [{string.Join(", ", e[1].EnumerateArray().Select(d => d.GetInt64()))}]").ToArray();
        var actual = model.state_dict().Select(kv => $"{kv.Key} [{string.Join(", ", kv.Value.shape)}]").ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ResNet18_classifies_a_small_batch_and_num_classes_sets_the_head()
    {
        var model = torchvision.models.resnet18(num_classes: 10);
        model.eval();
        using (no_grad())
            Assert.Equal(new long[] { 2, 10 }, model.call(randn(2, 3, 64, 64)).shape);
    }

    [Fact]
    public void GoogLeNet_concatenates_its_branches_into_1024_features()
    {
        var model = torchvision.models.googlenet(num_classes: 7);
        model.eval();
        using (no_grad())
            Assert.Equal(new long[] { 1, 7 }, model.call(randn(1, 3, 64, 64)).shape);
    }
}
