using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

public class ModuleHookTests
{
    [Fact]
    public void Post_hooks_see_input_and_output_and_may_replace_the_output()
    {
        var relu = nn.ReLU();
        Tensor? seenInput = null, seenOutput = null;
        relu.register_forward_hook((module, input, output) => { seenInput = input; seenOutput = output; return output * 10; });
        var x = tensor(new float[] { -1, 2 });
        var y = relu.call(x);
        Assert.Same(x, seenInput);
        Assert.Equal(new float[] { 0, 2 }, seenOutput!.data<float>().ToArray());
        Assert.Equal(new float[] { 0, 20 }, y.data<float>().ToArray());
    }

    [Fact]
    public void Pre_hooks_may_replace_the_input_and_null_keeps_it()
    {
        var relu = nn.ReLU();
        relu.register_forward_pre_hook((module, input) => null!);
        relu.register_forward_pre_hook((module, input) => -input);
        Assert.Equal(new float[] { 1, 0 }, relu.call(tensor(new float[] { -1, 2 })).data<float>().ToArray());
    }

    [Fact]
    public void Module_hooks_run_around_call_but_not_forward_and_remove_stops_them()
    {
        var linear = nn.Linear(2, 2);
        var log = new List<string>();
        var before = linear.register_forward_pre_hook(_ => log.Add("pre"));
        var after = linear.register_forward_hook(_ => log.Add("post"));
        linear.call(ones(1, 2));
        linear.forward(ones(1, 2));
        Assert.Equal(["pre", "post"], log);
        before.remove();
        after.remove();
        linear.call(ones(1, 2));
        Assert.Equal(2, log.Count);
    }

    [Fact]
    public void Hooks_on_children_fire_when_a_container_calls_them()
    {
        var model = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2));
        var shapes = new List<string>();
        foreach (var layer in model.children().Cast<nn.Module<Tensor, Tensor>>())
            layer.register_forward_hook((m, _, output) => { shapes.Add(string.Join("x", output.shape)); return output; });
        model.call(ones(5, 3));
        Assert.Equal(["5x4", "5x4", "5x2"], shapes);
    }
}
