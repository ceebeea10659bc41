using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

public class ElementwiseTests
{
    /// <summary>The C# form of every case in gen_elementwise.py, by case name.</summary>
    static readonly Dictionary<string, Func<Tensor[], Tensor>> Ops = BuildOps();

    static Dictionary<string, Func<Tensor[], Tensor>> BuildOps()
    {
        var ops = new Dictionary<string, Func<Tensor[], Tensor>>();
        var unary = new Dictionary<string, Func<Tensor, Tensor>>
        {
            ["exp"] = exp, ["sin"] = sin, ["cos"] = cos, ["tanh"] = tanh, ["sigmoid"] = sigmoid, ["relu"] = relu,
            ["abs"] = abs, ["sign"] = sign, ["floor"] = floor, ["round"] = x => round(x), ["square"] = square,
            ["log"] = log, ["sqrt"] = sqrt, ["rsqrt"] = rsqrt, ["reciprocal"] = reciprocal, ["neg"] = neg,
        };
        foreach (var (name, f) in unary)
            foreach (var suffix in new[] { "_f32", "_int64", "_int32", "_f64", "_edge", "_negative", "_extreme", "_large", "_halves", "_nan" })
                ops[name + suffix] = x => f(x[0]);
        ops["round_decimals"] = x => x[0].round(2);
        ops["transposed_exp"] = x => x[0].t().exp();
        ops["transposed_tanh_f64"] = x => x[0].t().tanh();

        ops["pow_tensor_broadcast"] = x => pow(x[0], x[1]);
        ops["pow_tensor_zero_base"] = x => x[0].pow(x[1]);
        ops["pow_scalar_3"] = x => x[0].pow(3);
        ops["pow_scalar_half"] = x => x[0].pow(0.5);
        ops["pow_scalar_0"] = x => x[0].pow(0);
        ops["pow_scalar_neg"] = x => pow(x[0], -2);
        ops["pow_int_int"] = x => x[0].pow(2);
        ops["pow_int_float"] = x => x[0].pow(0.5);
        ops["pow_negative_base_fraction"] = x => x[0].pow(0.5);

        foreach (var s in new[] { "_ties", "_nan", "_broadcast", "_int" }) ops["maximum" + s] = x => maximum(x[0], x[1]);
        foreach (var s in new[] { "_ties", "_broadcast" }) ops["minimum" + s] = x => x[0].minimum(x[1]);
        ops["maximum_transposed"] = x => x[0].t().maximum(x[1]);

        ops["clamp_scalar"] = x => x[0].clamp(-1, 1);
        ops["clamp_min_only"] = x => x[0].clamp(min: 0);
        ops["clamp_max_only"] = x => x[0].clamp_max(0.5);
        ops["clamp_nan"] = x => clamp(x[0], -1, 1);
        ops["clamp_int"] = x => x[0].clamp(-1, 4);
        ops["clamp_tensor"] = x => x[0].clamp(x[1], x[2]);
        ops["clamp_tensor_broadcast"] = x => clamp(x[0], x[1], x[2]);

        ops["eq_float"] = x => x[0] == x[1];
        ops["ne_float"] = x => x[0] != x[1];
        ops["lt_float"] = x => x[0] < x[1];
        ops["le_float"] = x => x[0] <= x[1];
        ops["gt_float"] = x => x[0] > x[1];
        ops["ge_float"] = x => x[0] >= x[1];
        ops["eq_scalar"] = x => x[0] == 1.0;
        ops["ne_scalar"] = x => x[0].ne(1.0);
        ops["lt_scalar"] = x => x[0] < 1.0;
        ops["le_scalar"] = x => 1.0 >= x[0];
        ops["gt_scalar"] = x => x[0].gt(1.0);
        ops["ge_scalar"] = x => 1.0 <= x[0];
        ops["eq_int_vs_float"] = x => eq(x[0], x[1]);
        ops["ne_int_vs_float"] = x => ne(x[0], x[1]);
        ops["lt_int_vs_float"] = x => lt(x[0], x[1]);
        ops["le_int_vs_float"] = x => le(x[0], x[1]);
        ops["gt_int_vs_float"] = x => gt(x[0], x[1]);
        ops["ge_int_vs_float"] = x => ge(x[0], x[1]);
        ops["eq_broadcast"] = x => x[0].eq(x[1]);
        ops["lt_int_scalar_float"] = x => x[0] < 1.5;
        ops["logical_and"] = x => x[0] & x[1];
        ops["logical_or"] = x => x[0].logical_or(x[1]);
        ops["logical_not_float"] = x => x[0].logical_not();
        ops["all_dim"] = x => x[0].all(1);
        ops["any_dim_keepdim"] = x => x[0].any(-2, keepdim: true);
        ops["bitwise_and_int"] = x => x[0] & x[1];

        ops["where_broadcast"] = x => where(x[0], x[1], x[2]);
        ops["where_promote"] = x => where(x[0], x[1], x[2]);
        ops["where_int"] = x => x[1].where(x[0], x[2]);
        ops["where_transposed_cond"] = x => where(x[0].t(), x[1], x[2]);
        ops["maximum_mixed_dtype"] = x => x[0].maximum(x[1]);
        ops["eq_bool"] = x => x[0] == x[1];
        ops["masked_fill"] = x => x[0].masked_fill(x[1], -1.5);
        ops["masked_fill_broadcast_mask"] = x => x[0].masked_fill(x[1], double.NegativeInfinity);
        ops["masked_fill_int"] = x => masked_fill(x[0], x[1], 9);
        return ops;
    }

    public static IEnumerable<object[]> Cases => Fixtures.Names("elementwise");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_pytorch(string name)
    {
        var c = Fixtures.Load("elementwise")[name];
        Assert.True(Ops.ContainsKey(name), $"no C# op for fixture case {name}");
        var inputCount = c.Arg("arity").GetInt32();
        var xs = Enumerable.Range(0, inputCount).Select(i => c.In(i)).ToArray();
        bool withGrads = c.Arg("with_grads").GetBoolean();
        foreach (var x in xs) if (withGrads && x.is_floating_point()) x.requires_grad = true;

        var y = Ops[name](xs);
        Fixtures.AssertClose(c.Out(0), y, what: name);
        if (!withGrads) return;

        var n = (int)y.numel();
        var w = tensor(Enumerable.Range(0, n).Select(i => 1 + 0.1 * i).ToArray()).to(y.dtype).reshape(y.shape);
        var live = xs.Where(x => x.requires_grad).ToArray();
        var grads = autograd.grad([(y * w).sum()], live, allow_unused: true);
        int k = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            if (!xs[i].requires_grad) continue;
            var expected = c.Grad(i)!;
            Fixtures.AssertClose(expected, grads[k++] ?? zeros_like(expected), what: $"{name} grad {i}");
        }
    }

    static Tensor D(params double[] v) => tensor(v);

    [Fact] public void Exp_gradcheck() => GradCheck.Check(x => x[0].exp(), D(-1.5, 0, 0.3, 2));
    [Fact] public void Log_gradcheck() => GradCheck.Check(x => log(x[0]), D(0.2, 1, 3.5));
    [Fact] public void Sqrt_gradcheck() => GradCheck.Check(x => x[0].sqrt(), D(0.2, 1, 3.5));
    [Fact] public void Rsqrt_gradcheck() => GradCheck.Check(x => x[0].rsqrt(), D(0.2, 1, 3.5));
    [Fact] public void Reciprocal_gradcheck() => GradCheck.Check(x => x[0].reciprocal(), D(-2, 0.5, 3.5));
    [Fact] public void Sin_cos_gradcheck() => GradCheck.Check(x => x[0].sin() * x[0].cos(), D(-2, 0.1, 1.3));
    [Fact] public void Tanh_gradcheck() => GradCheck.Check(x => x[0].tanh(), D(-2, 0.1, 1.3));
    [Fact] public void Sigmoid_gradcheck() => GradCheck.Check(x => x[0].sigmoid(), D(-4, 0.1, 2.3));
    [Fact] public void Abs_gradcheck() => GradCheck.Check(x => x[0].abs(), D(-2, 0.1, 1.3));
    [Fact] public void Relu_gradcheck() => GradCheck.Check(x => x[0].relu(), D(-2, 0.1, 1.3));
    [Fact] public void Square_gradcheck() => GradCheck.Check(x => x[0].square(), D(-2, 0.1, 1.3));
    [Fact] public void Pow_scalar_gradcheck() => GradCheck.Check(x => x[0].pow(2.5), D(0.3, 1, 2.2));
    [Fact] public void Pow_tensor_gradcheck() =>
        GradCheck.Check(x => x[0].pow(x[1]), tensor(new double[] { 0.3, 1.2, 2.2, 0.9, 1.5, 3 }, [2, 3]), D(1.5, -0.5, 2));
    [Fact] public void Maximum_minimum_gradcheck() =>
        GradCheck.Check(x => x[0].maximum(x[1]) + minimum(x[0], x[1]) * 2, tensor(new double[] { 0.3, 1.2, -2.2, 0.9 }, [2, 2]), D(1, 0.1));
    [Fact] public void Clamp_gradcheck() => GradCheck.Check(x => x[0].clamp(-1, 0.5), D(-2, -0.3, 0.2, 0.9));
    [Fact] public void Clamp_tensor_gradcheck() =>
        GradCheck.Check(x => x[0].clamp(x[1], x[2]), D(-2, -0.3, 0.2, 0.9), D(-1, -0.5, 0.5, 0), D(1, 0, 0.7, 0.5));
    [Fact] public void Where_gradcheck() =>
        GradCheck.Check(x => where(tensor(new[] { true, false, true }), x[0], x[1] * x[1]), D(1, 2, 3), tensor(new double[] { 0.5, -1 }, [2, 1]));
    [Fact] public void Masked_fill_gradcheck() =>
        GradCheck.Check(x => x[0].masked_fill(tensor(new[] { false, true }), 3) * x[0], tensor(new double[] { 1, 2, 3, 4 }, [2, 2]));

    [Fact] public void Exp_gradgrad() => GradCheck.CheckGradGrad(x => x[0].exp(), D(-1, 0.2, 1.1));
    [Fact] public void Tanh_gradgrad() => GradCheck.CheckGradGrad(x => x[0].tanh(), D(-1, 0.2, 1.1));
    [Fact] public void Sigmoid_gradgrad() => GradCheck.CheckGradGrad(x => x[0].sigmoid(), D(-1, 0.2, 1.1));
    [Fact] public void Log_gradgrad() => GradCheck.CheckGradGrad(x => x[0].log(), D(0.4, 1.2, 2.1));
    [Fact] public void Sqrt_rsqrt_gradgrad() => GradCheck.CheckGradGrad(x => x[0].sqrt() + x[0].rsqrt(), D(0.4, 1.2, 2.1));
    [Fact] public void Pow_gradgrad() => GradCheck.CheckGradGrad(x => x[0].pow(x[1]) + x[0].pow(3), D(0.4, 1.2, 2.1), D(1.5, 2, 0.5));
    [Fact] public void Sin_cos_gradgrad() => GradCheck.CheckGradGrad(x => x[0].sin() * x[0].cos(), D(0.4, 1.2, 2.1));

    [Fact]
    public void Round_sign_floor_have_zero_gradient()
    {
        var x = D(-1.5, 0.4, 2.5).requires_grad_();
        (x.round() + x.floor() + x.sign()).sum().backward();
        Assert.Equal(new double[] { 0, 0, 0 }, x.grad!.data<double>().ToArray());
    }

    [Fact]
    public void In_place_ops_write_through_and_keep_grad()
    {
        var x = tensor(new float[] { 0, 1, 4 });
        x.sqrt_().mul_(2).clamp_(max: 3);
        Assert.Equal(new float[] { 0, 2, 3 }, x.data<float>().ToArray());

        var leaf = D(0.5, 2).requires_grad_();
        var y = leaf * 1.0;
        y.exp_();
        y.sum().backward();
        Fixtures.AssertClose(D(Math.Exp(0.5), Math.Exp(2)), leaf.grad!, rtol: 1e-12);

        var ints = tensor(new long[] { -3, 4 });
        ints.abs_();
        Assert.Equal(new long[] { 3, 4 }, ints.data<long>().ToArray());
        Assert.Throws<InvalidOperationException>(() => ints.exp_());
    }

    [Fact]
    public void Masked_fill_in_place_writes_through_a_view()
    {
        var x = tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);
        x.t().masked_fill_(tensor(new[] { true, false }, [2, 1]), 0);
        Assert.Equal(new float[] { 0, 2, 0, 4 }, x.data<float>().ToArray());
    }

    [Fact]
    public void Where_error_names_all_shapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => where(ones([2], dtype: @bool), zeros([2, 3]), zeros([4])));
        Assert.Contains("[2, 3]", ex.Message);
        Assert.Contains("[4]", ex.Message);
        var notBool = Assert.Throws<ArgumentException>(() => where(ones([3]), zeros([3]), zeros([3])));
        Assert.Contains("boolean", notBool.Message);
    }

    [Fact]
    public void Maximum_error_names_both_shapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => maximum(zeros([2, 3]), zeros([2])));
        Assert.Contains("[2, 3]", ex.Message);
        Assert.Contains("[2]", ex.Message);
    }

    [Fact]
    public void Masked_fill_with_non_bool_mask_says_so()
    {
        var ex = Assert.Throws<ArgumentException>(() => zeros([2, 2]).masked_fill(ones([2, 2]), 1));
        Assert.Contains("boolean", ex.Message);
        Assert.Contains("Float32", ex.Message);
        Assert.Contains("[2, 2]", ex.Message);
    }

    [Fact]
    public void Clamp_without_bounds_fails()
    {
        var ex = Assert.Throws<ArgumentException>(() => zeros([2]).clamp((Scalar?)null, null));
        Assert.Contains("min", ex.Message);
    }

    [Fact]
    public void Int_tensor_float_ops_promote_and_keep_int_ops_int()
    {
        var x = tensor(new long[] { -2, 3 });
        Assert.Equal(ScalarType.Float32, x.exp().dtype);
        Assert.Equal(ScalarType.Int64, x.abs().dtype);
        Assert.Equal(ScalarType.Int64, x.clamp(0, 1).dtype);
        Assert.Equal(ScalarType.Int64, x.pow(2).dtype);
        Assert.Equal(ScalarType.Float32, x.pow(0.5).dtype);
        Assert.Equal(ScalarType.Float32, x.clamp(0.5, 2.5).dtype);
        var ex = Assert.Throws<ArgumentException>(() => x.pow(-1));
        Assert.Contains("negative integer powers", ex.Message);
    }
}
