// Code as TorchSharp users write it. Porting to or from TorchSharp changes only the two using lines below
// (Course.Torch ↔ TorchSharp); everything else in this file must compile and behave identically.
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

public class PortingTests
{
    [Fact]
    public void Creation_and_reading_values()
    {
        var x = arange(6, dtype: float32).reshape(2, 3);
        Assert.Equal(new long[] { 2, 3 }, x.shape);
        Assert.Equal(new float[] { 0, 1, 2, 3, 4, 5 }, x.data<float>().ToArray());

        var m = tensor(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal(5f, m[1, 1].item<float>());
        Assert.Equal("[2x3], type = Float32, device = cpu", m.ToString());
    }

    [Fact]
    public void Indexing_with_ranges_ellipsis_and_setters()
    {
        var x = arange(12, dtype: float32).reshape(3, 4);
        Assert.Equal(new float[] { 4, 5, 6, 7 }, x[1, ..].data<float>().ToArray());
        Assert.Equal(new float[] { 3, 7, 11 }, x[TensorIndex.Ellipsis, -1].data<float>().ToArray());
        Assert.Equal(new float[] { 6, 7, 10, 11 }, x[1.., ^2..].data<float>().ToArray());
        Assert.Equal(new long[] { 1, 3, 4 }, x[TensorIndex.None, TensorIndex.Colon].shape);
        x[0, 0] = 35;
        Assert.Equal(35f, x[0, 0].item<float>());
    }

    [Fact]
    public void Gradient_descent_step_as_TorchSharp_writes_it()
    {
        var w = tensor(new float[] { 1, -2 }, requires_grad: true);
        var loss = (w * w).sum();
        loss.backward();
        using (torch.no_grad())
        {
            var g = w.grad;
            if (g is not null) w.sub_(g.mul(0.25f));
        }
        Assert.Equal(new float[] { 0.5f, -1f }, w.data<float>().ToArray());
        Assert.True(w.is_leaf);
    }
}
