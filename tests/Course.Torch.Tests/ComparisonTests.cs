using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

public class ComparisonTests
{
    static readonly Tensor X = tensor(new float[] { 1, 2, 3 });

    static bool[] B(Tensor t) => t.data<bool>().ToArray();

    [Fact]
    public void Operators_return_bool_tensors_for_every_operand_order()
    {
        Assert.Equal(new[] { false, true, false }, B(X == 2));
        Assert.Equal(new[] { false, true, false }, B(2 == X));
        Assert.Equal(new[] { true, false, true }, B(X != 2.0));
        Assert.Equal(new[] { true, false, false }, B(X < 2));
        Assert.Equal(new[] { false, false, true }, B(2 < X));
        Assert.Equal(new[] { true, true, false }, B(X <= 2));
        Assert.Equal(new[] { false, true, true }, B(2 <= X));
        Assert.Equal(new[] { false, false, true }, B(X > 2));
        Assert.Equal(new[] { true, false, false }, B(2 > X));
        Assert.Equal(new[] { false, true, true }, B(X >= 2));
        Assert.Equal(new[] { true, true, false }, B(2 >= X));
        Assert.Equal(new[] { true, true, true }, B(X == X.clone()));
        Assert.Equal(ScalarType.Bool, (X < X.clone()).dtype);
    }

    [Fact]
    public void Equals_is_reference_identity_so_tensors_work_as_dictionary_keys()
    {
        var copy = X.clone();
        Assert.False(X.Equals(copy));
        Assert.True(X.Equals(X));
        var set = new HashSet<Tensor> { X, copy };
        Assert.Equal(2, set.Count);
        Tensor? none = null;
        Assert.True(none is null);
    }

    [Fact]
    public void Comparison_results_are_not_tracked()
    {
        var x = tensor(new float[] { 1, 2 }, requires_grad: true);
        Assert.False((x > 1).requires_grad);
    }

    [Fact]
    public void Nan_compares_unequal_to_everything()
    {
        var n = tensor(new double[] { double.NaN });
        Assert.Equal(new[] { false }, B(n == n.clone()));
        Assert.Equal(new[] { true }, B(n != n.clone()));
        Assert.Equal(new[] { false }, B(n < 0));
        Assert.Equal(new[] { false }, B(n >= 0));
    }

    [Fact]
    public void Logical_and_bitwise_operators_on_bool_tensors()
    {
        var a = tensor(new[] { true, true, false, false });
        var b = tensor(new[] { true, false, true, false });
        Assert.Equal(new[] { true, false, false, false }, B(a & b));
        Assert.Equal(new[] { true, true, true, false }, B(a | b));
        Assert.Equal(new[] { false, true, true, false }, B(a ^ b));
        Assert.Equal(new[] { false, false, true, true }, B(~a));
        Assert.Equal(new[] { false, true, true, false }, B(a.logical_xor(b)));
        Assert.Equal(new long[] { -13, 0 }, (~tensor(new long[] { 12, -1 })).data<long>().ToArray());
        var ex = Assert.Throws<ArgumentException>(() => X & X);
        Assert.Contains("Float32", ex.Message);
    }

    [Fact]
    public void All_and_any_reduce_to_a_bool_scalar()
    {
        Assert.True((X > 0).all().item<bool>());
        Assert.False((X > 1).all().item<bool>());
        Assert.True((X > 2).any().item<bool>());
        Assert.False(any(X > 3).item<bool>());
        Assert.True(all(zeros([0])).item<bool>());
        Assert.Equal(0, X.gt(0).all().ndim);
    }

    [Fact]
    public void Equal_needs_same_shape_and_values()
    {
        Assert.True(X.equal(tensor(new long[] { 1, 2, 3 })));
        Assert.False(X.equal(tensor(new float[] { 1, 2, 4 })));
        Assert.False(X.equal(X.reshape(3, 1)));
        Assert.True(equal(X, X.clone()).item<bool>());
    }

    [Fact]
    public void Allclose_uses_rtol_and_atol_and_treats_nan_explicitly()
    {
        var a = tensor(new double[] { 1, 100, double.NaN });
        var b = tensor(new double[] { 1 + 1e-9, 100.0005, double.NaN });
        Assert.False(a.allclose(b));
        Assert.True(a.allclose(b, equal_nan: true));
        Assert.False(allclose(a, b, rtol: 1e-7, equal_nan: true));
        Assert.True(tensor(new double[] { 0 }).allclose(tensor(new double[] { 1e-9 })));
        Assert.True(tensor(new float[] { 2, 2 }).allclose(tensor(new float[] { 2 })));
    }

    [Fact]
    public void Comparison_shape_error_names_both_shapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => zeros([2, 3]) < zeros([3, 2]));
        Assert.Contains("[2, 3]", ex.Message);
        Assert.Contains("[3, 2]", ex.Message);
    }
}
