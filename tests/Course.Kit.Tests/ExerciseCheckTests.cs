using Course.Kit.Exercises;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Kit.Tests;

/// <summary>Check.Close, Shape and That: pass when right, and say exactly what differs when wrong.</summary>
public class ExerciseCheckTests
{
    static string Failure(Action check) => Assert.Throws<CheckFailedException>(check).Message;

    static Tensor T(params float[] values) => tensor(values);

    [Fact]
    public void Close_passes_within_tolerance_and_on_matching_NaN_and_Inf()
    {
        Check.Close(T(1f, 2f, 3f), T(1f, 2.00001f, 3f));
        Check.Close(T(float.NaN, float.PositiveInfinity), T(float.NaN, float.PositiveInfinity));
        Check.Close(tensor(new long[] { 3, 1 }), tensor(new long[] { 3, 1 }));
        Check.Close(T(1f, 2f), T(1.1f, 2f), rtol: 0.2);
    }

    [Fact]
    public void A_different_shape_names_both_shapes()
    {
        var message = Failure(() => Check.Close(zeros(2, 3), zeros(3, 2), what: "pooled output"));
        Assert.Equal("pooled output: shape differs: expected [2, 3], got [3, 2].", message);
    }

    [Fact]
    public void A_different_dtype_names_both_and_the_conversion()
    {
        var message = Failure(() => Check.Close(zeros(2), zeros(2, dtype: float64)));
        Assert.Equal("output: dtype differs: expected Float32, got Float64 (convert with .to(float32)).", message);
        Check.Close(zeros(2), zeros(2, dtype: float64), checkDtype: false);
    }

    [Fact]
    public void Values_beyond_tolerance_give_the_first_index_with_both_values_and_the_largest_errors()
    {
        var expected = tensor(new float[] { 0, 1, 2, 3, 4, 5 }).view(2, 3);
        var actual = tensor(new float[] { 0, 1, 2.5f, 3, 4, 10 }).view(2, 3);
        var lines = Failure(() => Check.Close(expected, actual)).Split('\n');
        Assert.Equal("output: values differ: 2 of 6 elements beyond tolerance (rtol 0.0001, atol 1E-05).", lines[0]);
        Assert.Equal("first at index [0, 2]: expected 2, got 2.5.", lines[1]);
        Assert.Equal("max absolute error 5 at [1, 2]; max relative error 1 at [1, 2].", lines[2]);
    }

    [Fact]
    public void Close_values_print_with_enough_digits_to_differ()
    {
        var message = Failure(() => Check.Close(tensor(new[] { 1.0 }), tensor(new[] { 1.0000002 }), rtol: 0, atol: 0));
        Assert.Contains("expected 1, got 1.0000002.", message);
    }

    [Fact]
    public void NaN_and_Inf_in_the_result_are_reported_with_where_and_how_many()
    {
        var message = Failure(() => Check.Close(T(1f, 2f, 3f, 4f), T(1f, float.NaN, 3f, float.NegativeInfinity)));
        Assert.Equal("output: got NaN at index [1] where 2 was expected (2 NaN/Inf values in total).", message);
    }

    [Fact]
    public void Integer_tensors_compare_exactly()
    {
        var message = Failure(() => Check.Close(tensor(new long[] { 4, 0, 2 }), tensor(new long[] { 4, 2, 0 }), what: "kept boxes"));
        Assert.StartsWith("kept boxes: values differ: 2 of 3 elements beyond tolerance (rtol 0, atol 0).\nfirst at index [1]: expected 0, got 2.", message);
    }

    [Fact]
    public void A_null_result_says_what_was_expected()
    {
        Assert.Equal("output: got null, expected a tensor of shape [2, 2].", Failure(() => Check.Close(zeros(2, 2), null)));
    }

    [Fact]
    public void Numbers_report_expected_got_and_errors()
    {
        Check.Close(0.1 + 0.2, 0.3);
        var message = Failure(() => Check.Close(2.5, 2.6, what: "loss"));
        Assert.Equal("loss: expected 2.5, got 2.6 (absolute error 0.1, relative 0.04; tolerance rtol 1E-05, atol 1E-08).", message);
        Assert.Equal("loss: expected 2.5, got NaN.", Failure(() => Check.Close(2.5, double.NaN, what: "loss")));
    }

    [Fact]
    public void Shape_and_property_checks_state_what_failed()
    {
        Check.Shape(zeros(1, 4, 3, 3), [1, 4, 3, 3]);
        Assert.Equal("output for stride 2: shape differs: expected [1, 4, 3, 3], got [1, 4, 5, 5].",
            Failure(() => Check.Shape(zeros(1, 4, 5, 5), [1, 4, 3, 3], what: "output for stride 2")));
        Check.That(true, "IoU is symmetric");
        Assert.Equal("property does not hold: IoU is symmetric.", Failure(() => Check.That(false, "IoU is symmetric")));
    }
}
