using Course.Torch;
using Course.Torch.Modules;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

public class ContainerTests
{
    static string[] Keys(FixtureCase c) => c.Arg("keys").EnumerateArray().Select(k => k.GetString()!).ToArray();

    [Fact]
    public void Sequential_state_dict_keys_and_order_match_pytorch()
    {
        var c = Fixtures.Load("layers")["sequential"];
        var seq = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2));
        Assert.Equal(Keys(c), seq.state_dict().Keys);
        Assert.Equal(new[] { "0", "1", "2" }, seq.named_children().Select(ch => ch.name));

        var named = Fixtures.Load("layers")["sequential_named_keys"];
        var byName = nn.Sequential(("fc1", nn.Linear(3, 4)), ("act", nn.Tanh()), ("fc2", nn.Linear(4, 2)));
        Assert.Equal(Keys(named), byName.state_dict().Keys);
        Assert.Equal(named.Arg("modules").EnumerateArray().Select(k => k.GetString()), byName.named_modules().Select(m => m.name));
    }

    [Fact]
    public void Sequential_forward_and_backward_match_pytorch_after_loading_its_state_dict()
    {
        var c = Fixtures.Load("layers")["sequential"];
        var seq = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2));
        var keys = Keys(c);
        seq.load_state_dict(keys.Select((k, i) => (k, c.In(i + 1))).ToDictionary(p => p.k, p => p.Item2));
        var x = c.In(0).requires_grad_();
        var y = seq.call(x);
        Fixtures.AssertClose(c.Out(0), y);
        y.backward([arange(y.numel(), float32).mul(0.1).add(1).reshape(y.shape)]);
        Fixtures.AssertClose(c.Grad(0)!, x.grad!, what: "input grad");
        var parameters = seq.parameters().ToArray();
        for (int i = 0; i < parameters.Length; i++) Fixtures.AssertClose(c.Grad(i + 1)!, parameters[i].grad!, what: keys[i]);
    }

    [Fact]
    public void Sequential_accepts_lists_tuples_and_append_and_indexes_like_python()
    {
        var fromList = nn.Sequential(new List<nn.Module> { nn.Linear(2, 3), nn.Tanh() });
        var fromTuples = nn.Sequential(new List<(string, nn.Module)> { ("a", nn.Linear(2, 3)), ("b", nn.Tanh()) });
        var fromSystemTuples = nn.Sequential(Tuple.Create<string, nn.Module>("x", nn.Identity()));
        Assert.Equal(2, fromList.Count);
        Assert.Equal(new[] { "a.weight", "a.bias" }, fromTuples.state_dict().Keys);
        Assert.Equal(new[] { "x" }, fromSystemTuples.named_children().Select(c => c.name));

        var seq = nn.Sequential();
        seq.append(nn.Linear(2, 2)).append("out", nn.Sigmoid());
        Assert.IsType<Modules.Sigmoid>(seq[-1]);
        Assert.IsType<Modules.Linear>(seq[0]);
        Assert.Equal(new[] { "0", "out" }, seq.named_children().Select(c => c.name));
        Assert.Equal(1, seq[1..].Count);
        var y = seq.call(ones(3, 2));
        Assert.All(y.data<float>().ToArray(), v => Assert.InRange(v, 0f, 1f));
        seq.eval();
        Assert.False(seq[0].training);
    }

    [Fact]
    public void Sequential_rejects_modules_that_do_not_map_a_tensor_to_a_tensor()
    {
        var e = Assert.Throws<ArgumentException>(() => nn.Sequential(nn.ParameterList()));
        Assert.Contains("ParameterList", e.Message);
    }

    sealed class Tower : nn.Module<Tensor, Tensor>
    {
        readonly ModuleList<Modules.Linear> layers = nn.ModuleList(nn.Linear(2, 3), nn.Linear(3, 3));
        readonly ModuleDict<nn.Module<Tensor, Tensor>> heads = nn.ModuleDict<nn.Module<Tensor, Tensor>>(("relu", nn.ReLU()), ("out", nn.Linear(3, 1)));
        readonly ParameterList scales = nn.ParameterList(nn.Parameter(ones(1)), nn.Parameter(ones(1)));

        public Tower() : base("Tower") => RegisterComponents();

        public override Tensor forward(Tensor input)
        {
            var x = input;
            for (int i = 0; i < layers.Count; i++) x = heads["relu"].call(layers[i].call(x)) * scales[i];
            return heads["out"].call(x);
        }
    }

    [Fact]
    public void ModuleList_ModuleDict_and_ParameterList_register_their_items_with_pytorch_keys()
    {
        var model = new Tower();
        Assert.Equal(new[] { "layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias", "heads.out.weight", "heads.out.bias", "scales.0", "scales.1" },
            model.state_dict().Keys);
        model.call(ones(4, 2)).sum().backward();
        Assert.All(model.parameters(), p => Assert.NotNull(p.grad));
    }

    [Fact]
    public void ModuleList_and_friends_behave_as_collections()
    {
        var list = nn.ModuleList<nn.Module<Tensor, Tensor>>(nn.ReLU());
        list.append(nn.Tanh());
        list.Add(nn.Identity());
        Assert.Equal(3, list.Count);
        Assert.Equal(new[] { "ReLU", "Tanh", "Identity" }, list.Select(m => m.GetName()));
        list[1] = nn.Sigmoid();
        Assert.IsType<Modules.Sigmoid>(list.named_children().ElementAt(1).module);
        list.Insert(0, nn.Linear(1, 1));
        list.RemoveAt(2);
        Assert.Equal(new[] { "0.weight", "0.bias" }, list.state_dict().Keys);
        Assert.Equal(new[] { ("1", "ReLU"), ("2", "Identity") }, list.named_children().Skip(1).Select(c => (c.name, c.module.GetName())));

        var dict = nn.ModuleDict(("a", (nn.Module)nn.Linear(1, 1)));
        dict["b"] = nn.ReLU();
        Assert.Equal(new[] { "a", "b" }, dict.keys());
        Assert.True(dict.ContainsKey("b"));
        Assert.Throws<KeyNotFoundException>(() => dict["c"]);
        Assert.True(dict.Remove("a"));
        Assert.Empty(dict.parameters());
        Assert.Throws<ArgumentException>(() => dict.Add("x.y", nn.ReLU()));

        var plist = nn.ParameterList();
        plist.append(nn.Parameter(zeros(2)));
        Assert.Single(plist);
        Assert.Equal(new[] { "0" }, plist.named_parameters().Select(p => p.name));
    }
}
