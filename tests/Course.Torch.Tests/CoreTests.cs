using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

public class CoreTests
{
    [Fact]
    public void ToString_matches_TorchSharp_metadata_form()
    {
        Assert.Equal("[2x3], type = Float32, device = cpu", zeros([2, 3]).ToString());
        Assert.Equal("[], type = Float32, device = cpu, value = 0", zeros([]).ToString());
    }

    [Fact]
    public void Broadcast_add_and_its_gradient_sums_over_broadcast_dims()
    {
        var a = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]).requires_grad_();
        var b = tensor(new float[] { 10, 20, 30 }).requires_grad_();
        var y = a + b;
        Assert.Equal(new float[] { 11, 22, 33, 14, 25, 36 }, y.data<float>().ToArray());
        y.sum().backward();
        Assert.Equal(new float[] { 1, 1, 1, 1, 1, 1 }, a.grad!.data<float>().ToArray());
        Assert.Equal(new float[] { 2, 2, 2 }, b.grad!.data<float>().ToArray());
    }

    [Fact]
    public void Gradients_accumulate_across_backward_calls()
    {
        var x = tensor(new double[] { 1, 2 }).requires_grad_();
        (x * x).sum().backward();
        (x * x).sum().backward();
        Assert.Equal(new double[] { 4, 8 }, x.grad!.data<double>().ToArray());
    }

    [Fact]
    public void Mul_div_gradcheck() =>
        GradCheck.Check(x => x[0] * x[1] / (x[0] + 3.0), tensor(new double[] { 0.5, -1.2, 2.0 }), tensor(new double[] { 1.5, 0.3, -0.7 }));

    [Fact]
    public void Mul_gradgrad() =>
        GradCheck.CheckGradGrad(x => x[0] * x[0] * x[1], tensor(new double[] { 0.5, -1.2 }), tensor(new double[] { 1.5, 0.3 }));

    [Fact]
    public void Backward_on_non_scalar_without_gradient_says_why()
    {
        var x = ones([2, 2], requires_grad: true);
        var ex = Assert.Throws<InvalidOperationException>(() => (x * 2).backward());
        Assert.Contains("scalar outputs", ex.Message);
        Assert.Contains("[2, 2]", ex.Message);
    }

    [Fact]
    public void Broadcast_error_names_both_shapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => zeros([2, 3]) + zeros([4]));
        Assert.Contains("[2, 3]", ex.Message);
        Assert.Contains("[4]", ex.Message);
        Assert.Contains("dimension 1", ex.Message);
    }

    [Fact]
    public void In_place_change_of_a_saved_tensor_is_caught_at_backward()
    {
        var x = ones([3], requires_grad: true);
        var y = x * 2;
        var z = y * y;
        y.add_(1);
        var ex = Assert.Throws<InvalidOperationException>(() => z.sum().backward());
        Assert.Contains("modified by an inplace operation", ex.Message);
    }

    [Fact]
    public void In_place_update_of_leaf_requires_no_grad()
    {
        var w = ones([3], requires_grad: true);
        Assert.Throws<InvalidOperationException>(() => w.sub_(1));
        using (no_grad()) w.sub_(tensor(new float[] { 1, 2, 3 }), alpha: 0.5);
        Assert.Equal(new float[] { 0.5f, 0, -0.5f }, w.data<float>().ToArray());
    }

    [Fact]
    public void Second_backward_without_retain_graph_fails_clearly()
    {
        var x = ones([2], requires_grad: true);
        var y = (x * x).sum();
        y.backward();
        var ex = Assert.Throws<InvalidOperationException>(() => y.backward());
        Assert.Contains("second time", ex.Message);
    }

    [Fact]
    public void Int_tensor_times_float_scalar_promotes_to_float32()
    {
        var x = tensor(new long[] { 1, 2 });
        Assert.Equal(ScalarType.Float32, (x * 0.5).dtype);
        Assert.Equal(ScalarType.Int64, (x * 2).dtype);
        Assert.Equal(ScalarType.Float32, (x / 2).dtype);
    }
}
