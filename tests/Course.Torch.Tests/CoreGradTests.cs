using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

/// <summary>Finite-difference checks of the core ops' backward formulas, in float64.</summary>
public class CoreGradTests
{
    static readonly Tensor A = tensor(new double[] { 0.3, -1.1, 2.2, 0.7, -0.4, 1.9 }, [2, 3]);
    static readonly Tensor Row = tensor(new double[] { 1.5, -0.6, 0.8 });

    [Fact] public void Add_with_broadcast_and_alpha() => GradCheck.Check(x => x[0].add(x[1], alpha: 2.5), A, Row);
    [Fact] public void Sub_with_broadcast() => GradCheck.Check(x => x[0] - x[1], A, Row);
    [Fact] public void Mul_with_broadcast() => GradCheck.Check(x => x[0] * x[1], A, Row);
    [Fact] public void Div_with_broadcast() => GradCheck.Check(x => x[0] / x[1], A, Row);
    [Fact] public void Scalar_ops() => GradCheck.Check(x => (2.0 - x[0]) * 3 / (x[0] + 4.0), A);
    [Fact] public void Neg() => GradCheck.Check(x => -x[0], A);
    [Fact] public void Expand() => GradCheck.Check(x => x[0].reshape(3, 1).expand(3, 4), Row);
    [Fact] public void Reshape_and_view() => GradCheck.Check(x => x[0].reshape(3, 2).view(6), A);
    [Fact] public void Sum_all_dims_and_keepdim() => GradCheck.Check(x => x[0].sum(new long[] { 1 }, keepdim: true) * x[0].sum(), A);
    [Fact] public void Clone() => GradCheck.Check(x => x[0].clone() * x[0], A);

    [Fact]
    public void Gradient_through_to_arrives_in_the_input_dtype()
    {
        var x = tensor(new double[] { 1.5, -2 }, requires_grad: true);
        (x.to(float32) * 3f).sum().backward();
        Assert.Equal(ScalarType.Float64, x.grad!.dtype);
        Assert.Equal(new double[] { 3, 3 }, x.grad.data<double>().ToArray());
    }
    [Fact] public void Sum_gradgrad() => GradCheck.CheckGradGrad(x => (x[0] * x[0]).sum(0), A);
    [Fact] public void Div_gradgrad() => GradCheck.CheckGradGrad(x => x[0] / x[1], A, Row);

    [Fact]
    public void Autograd_grad_returns_gradients_without_touching_grad()
    {
        var x = tensor(new double[] { 1, 2, 3 }, requires_grad: true);
        var y = (x * x * x).sum();
        var g = autograd.grad([y], [x], create_graph: true)[0];
        Assert.Equal(new double[] { 3, 12, 27 }, g.data<double>().ToArray());
        Assert.Null(x.grad);
        var h = autograd.grad([g.sum()], [x])[0];
        Assert.Equal(new double[] { 6, 12, 18 }, h.data<double>().ToArray());
    }

    [Fact]
    public void No_grad_scope_records_nothing_and_nests()
    {
        var x = ones([2], requires_grad: true);
        using (no_grad())
        {
            Assert.False((x * 2).requires_grad);
            using (enable_grad()) Assert.True((x * 2).requires_grad);
            Assert.False(is_grad_enabled());
        }
        Assert.True((x * 2).requires_grad);
    }

    [Fact]
    public void Retain_graph_allows_a_second_backward()
    {
        var x = tensor(new double[] { 2 }, requires_grad: true);
        var y = (x * x).sum();
        y.backward(retain_graph: true);
        y.backward();
        Assert.Equal(8.0, x.grad!.item<double>());
    }

    [Fact]
    public void Requires_grad_on_int_tensor_is_rejected()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => tensor(new long[] { 1 }).requires_grad_());
        Assert.Contains("floating point", ex.Message);
    }
}
