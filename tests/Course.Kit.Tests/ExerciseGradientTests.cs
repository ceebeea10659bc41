using Course.Kit.Exercises;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit.Tests;

/// <summary>Check.Gradients (autograd vs finite differences) and Check.Backward (a hand-written backward).</summary>
[Collection(ExerciseCollection.Name)]
public class ExerciseGradientTests
{
    [Fact]
    public void A_correct_differentiable_function_passes_the_gradient_check()
    {
        manual_seed(1);
        Check.Gradients(xs => (xs[0] * xs[1]).sin() + xs[0].pow(2), [randn(2, 3), randn(2, 3)]);
    }

    [Fact]
    public void A_detached_factor_gives_a_wrong_gradient_and_fails_naming_the_input()
    {
        manual_seed(2);
        // x·stopgrad(x) has value x² but gradient x instead of 2x: the kind of mistake a student makes.
        var message = Assert.Throws<CheckFailedException>(() =>
            Check.Gradients(xs => xs[1] + xs[0] * xs[0].detach(), [randn(4), randn(4)])).Message;
        Assert.StartsWith("gradient of input 0 (autograd vs finite differences): values differ: 4 of 4 elements", message);
    }

    [Fact]
    public void Integer_inputs_pass_through_and_are_not_differentiated()
    {
        manual_seed(3);
        Check.Gradients(xs => nn.functional.cross_entropy(xs[0], xs[1]), [randn(3, 4), tensor(new long[] { 0, 3, 1 })]);
    }

    [Fact]
    public void A_fully_detached_output_is_reported()
    {
        var message = Assert.Throws<CheckFailedException>(() => Check.Gradients(xs => xs[0].detach() * 2, [randn(3)])).Message;
        Assert.Contains("does not depend on the inputs through autograd", message);
    }

    // Softmax over the last dim and its backward dx = y ⊙ (g − Σ g·y), written by hand.
    static Tensor Softmax(Tensor[] xs) => xs[0].exp() / xs[0].exp().sum(-1, keepdim: true);

    static Tensor[] SoftmaxBackward(Tensor[] xs, Tensor g)
    {
        var y = Softmax(xs);
        return [y * (g - (g * y).sum(-1, keepdim: true))];
    }

    [Fact]
    public void A_correct_hand_written_backward_passes()
    {
        manual_seed(4);
        Check.Backward(Softmax, SoftmaxBackward, [randn(2, 5)]);
    }

    [Fact]
    public void A_backward_missing_a_term_fails_and_a_wrong_count_is_reported()
    {
        manual_seed(5);
        var message = Assert.Throws<CheckFailedException>(() =>
            Check.Backward(Softmax, (xs, g) => [Softmax(xs) * g], [randn(2, 5)])).Message;
        Assert.StartsWith("gradient of input 0 (your backward vs finite differences): values differ:", message);

        var count = Assert.Throws<CheckFailedException>(() => Check.Backward(Softmax, (xs, g) => [], [randn(2, 5)])).Message;
        Assert.Equal("backward returned 0 gradient(s); expected 1, one per input.", count);
    }
}
