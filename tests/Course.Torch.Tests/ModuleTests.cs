using Course.Torch;
using Course.Torch.Modules;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

public class ModuleTests
{
    /// <summary>The TorchSharp pattern: fields, then RegisterComponents(); field names become state_dict keys.</summary>
    sealed class Affine : nn.Module<Tensor, Tensor>
    {
        readonly Parameter weight;
        readonly Parameter bias;
        readonly Tensor calls = zeros(1);

        public Affine(long inputs, long outputs) : base("Affine")
        {
            weight = nn.Parameter(ones(outputs, inputs));
            bias = nn.Parameter(zeros(outputs));
            RegisterComponents();
        }

        public override Tensor forward(Tensor input) => input.matmul(weight.mT) + bias;
    }

    sealed class TwoLayers : nn.Module<Tensor, Tensor>
    {
        readonly Affine first = new(3, 4);
        readonly Affine second = new(4, 2);

        public TwoLayers() : base("TwoLayers") => RegisterComponents();

        public override Tensor forward(Tensor input) => second.call(first.call(input).relu());
    }

    [Fact]
    public void Field_names_become_dotted_state_dict_keys_in_declaration_order()
    {
        var model = new TwoLayers();
        Assert.Equal(new[] { "first.weight", "first.bias", "second.weight", "second.bias" }, model.named_parameters().Select(p => p.name));
        Assert.Equal(new[] { "first.weight", "first.bias", "first.calls", "second.weight", "second.bias", "second.calls" }, model.state_dict().Keys);
        Assert.Equal(3 * 4 + 4 + 4 * 2 + 2, model.parameters().Sum(p => p.numel()));
        Assert.Equal(new[] { "", "first", "second" }, model.named_modules().Select(m => m.name));
    }

    [Fact]
    public void Parameters_get_gradients_and_zero_grad_clears_them()
    {
        var model = new TwoLayers();
        model.call(ones(5, 3)).sum().backward();
        Assert.All(model.parameters(), p => Assert.NotNull(p.grad));
        Assert.Equal(new float[] { 5, 5 }, model.parameters().Last().grad!.data<float>().ToArray());
        model.zero_grad();
        Assert.All(model.parameters(), p => Assert.Null(p.grad));
    }

    [Fact]
    public void Load_state_dict_copies_values_and_names_what_is_wrong()
    {
        var source = new TwoLayers();
        using (no_grad()) source.parameters().First().fill_(0.5);
        var target = new TwoLayers();
        target.load_state_dict(source.state_dict());
        Assert.Equal(0.5f, target.parameters().First()[0, 0].item<float>());

        var partial = source.state_dict();
        partial.Remove("second.bias");
        partial["extra"] = zeros(1);
        var ex = Assert.Throws<InvalidOperationException>(() => target.load_state_dict(partial));
        Assert.Contains("\"second.bias\"", ex.Message);
        Assert.Contains("\"extra\"", ex.Message);
        var (missing, unexpected) = target.load_state_dict(partial, strict: false);
        Assert.Equal(new[] { "second.bias" }, missing);
        Assert.Equal(new[] { "extra" }, unexpected);

        var wrong = source.state_dict();
        wrong["first.bias"] = zeros(7);
        var shape = Assert.Throws<InvalidOperationException>(() => target.load_state_dict(wrong));
        Assert.Contains("size mismatch for first.bias", shape.Message);
        Assert.Contains("[7]", shape.Message);
        Assert.Contains("[4]", shape.Message);
    }

    [Fact]
    public void Train_eval_and_to_dtype_apply_to_every_descendant()
    {
        var model = new TwoLayers();
        var weight = model.parameters().First();
        model.eval();
        Assert.All(model.modules(), m => Assert.False(m.training));
        model.train();
        Assert.All(model.modules(), m => Assert.True(m.training));

        var same = model.to(float64);
        Assert.Same(model, same);
        Assert.Same(weight, model.parameters().First());
        Assert.All(model.state_dict().Values, t => Assert.Equal(ScalarType.Float64, t.dtype));
        Assert.Equal(ScalarType.Float64, model.call(ones(1, 3, dtype: float64)).dtype);
    }

    [Fact]
    public void Apply_visits_children_before_parent()
    {
        var order = new List<string>();
        new TwoLayers().apply(m => order.Add(m.name));
        Assert.Equal(new[] { "Affine", "Affine", "TwoLayers" }, order);
    }
}
