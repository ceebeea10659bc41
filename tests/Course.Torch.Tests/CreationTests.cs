using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

/// <summary>
/// Tests that seed or read process-wide state (the default generator, the print style) run alone: a test in another
/// class drawing from the default generator in parallel (any layer's init does) would shift their random streams.
/// </summary>
[CollectionDefinition(GlobalState.Name, DisableParallelization = true)]
public class GlobalState { public const string Name = "GlobalState"; }

[Collection(GlobalState.Name)]
public class CreationTests
{
    public static IEnumerable<object[]> Cases() => Fixtures.Names("creation");

    static Tensor Build(string name) => name switch
    {
        "arange_int" => arange(6),
        "arange_start_stop" => arange(2, 9),
        "arange_int_step" => arange(1, 10, 3),
        "arange_negative_step" => arange(5, -5, -2),
        "arange_float_step" => arange(3.0f, 5.0f, step: 0.1f),
        "arange_float_uneven" => arange(0.0, 1.0, 0.3),
        "arange_dtype_float32" => arange(6, dtype: float32),
        "arange_dtype_float64" => arange(-1.5, 2.5, 0.25, dtype: float64),
        "arange_empty" => arange(3, 3),
        "linspace_0_1_5" => linspace(0, 1, 5),
        "linspace_neg" => linspace(-3.5, 7.25, 11),
        "linspace_one" => linspace(2, 9, 1),
        "linspace_zero" => linspace(2, 9, 0),
        "linspace_float64" => linspace(0, 1, 7, dtype: float64),
        "linspace_descending" => linspace(10, -10, 9),
        "logspace" => logspace(-2, 2, 5),
        "eye_3" => eye(3),
        "eye_2x4" => eye(2, 4),
        "eye_4x2" => eye(4, 2),
        "eye_int64" => eye(3, dtype: int64),
        "full_int" => full(2, 3, 7),
        "full_float" => full(2, 3, 1.5),
        "full_bool" => full(new long[] { 2 }, true),
        "tensor_2d" => tensor(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } }),
        "tensor_3d_int" => tensor(new int[,,] { { { 1, 2 }, { 3, 4 } }, { { 5, 6 }, { 7, 8 } } }),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_pytorch(string name) => Fixtures.AssertClose(Fixtures.Load("creation")[name].Out(0), Build(name), what: name);

    [Fact]
    public void Shape_overloads_all_compile_and_agree()
    {
        foreach (var t in new[] { zeros(2, 3), zeros(new long[] { 2, 3 }), zeros([2, 3]), zeros(2L, 3L), ones(2, 3), empty(2, 3), rand(2, 3), randn(2, 3), full(2, 3, 0.5f) })
        {
            Assert.Equal(new long[] { 2, 3 }, t.shape);
            Assert.Equal(ScalarType.Float32, t.dtype);
        }
        Assert.Equal(new long[] { 5 }, zeros(5).shape);
        Assert.Equal(new long[] { 1, 2, 3 }, ones(1, 2, 3).shape);
        Assert.Equal(new long[] { 1, 2, 3, 4 }, randn(1, 2, 3, 4).shape);
        Assert.Equal(new long[] { 4, 3, 2, 1 }, rand(4L, 3L, 2L, 1L).shape);
        Assert.Equal(new long[0], zeros(Array.Empty<long>()).shape);
        Assert.Equal(ScalarType.Float64, zeros(2, 2, dtype: float64).dtype);
        Assert.Equal(ScalarType.Int64, ones(3, dtype: int64).dtype);
        Assert.True(randn(2, requires_grad: true).requires_grad);
        Assert.All(ones(2, 3).data<float>().ToArray(), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Full_infers_dtype_from_the_value()
    {
        Assert.Equal(ScalarType.Int64, full(2, 2, 3).dtype);
        Assert.Equal(ScalarType.Float32, full(2, 2, 3.0).dtype);
        Assert.Equal(ScalarType.Bool, full(2, 2, true).dtype);
        Assert.Equal(new long[] { 3, 3, 3, 3 }, full(2, 2, 3).data<long>().ToArray());
    }

    [Fact]
    public void Like_factories_copy_shape_and_dtype()
    {
        var x = zeros(2, 5, dtype: float64);
        foreach (var t in new[] { zeros_like(x), ones_like(x), empty_like(x), full_like(x, 2), rand_like(x), randn_like(x), x.rand_like(), x.randn_like() })
        {
            Assert.Equal(new long[] { 2, 5 }, t.shape);
            Assert.Equal(ScalarType.Float64, t.dtype);
        }
        Assert.Equal(ScalarType.Float32, rand_like(x, dtype: float32).dtype);
        var ints = randint_like(zeros(3, 4, dtype: int32), 5, 8);
        Assert.Equal(ScalarType.Int32, ints.dtype);
        Assert.All(ints.data<int>().ToArray(), v => Assert.InRange(v, 5, 7));
        Assert.Equal(new[] { 2.0, 2.0 }, full_like(zeros(2, dtype: float64), 2).data<double>().ToArray());
    }

    [Fact]
    public void Arange_infers_int64_or_float32()
    {
        Assert.Equal(ScalarType.Int64, arange(6).dtype);
        Assert.Equal(ScalarType.Float32, arange(6.0).dtype);
        Assert.Equal(ScalarType.Float32, arange(3.0f, 5.0f, step: 0.1f).dtype);
        Assert.Equal(20, arange(3.0f, 5.0f, step: 0.1f).numel());
    }

    [Fact]
    public void Porting_snippets_from_TorchSharp_work()
    {
        var a = arange(6, dtype: float32).reshape(2, 3);
        Assert.Equal(new float[] { 0, 1, 2, 3, 4, 5 }, a.data<float>().ToArray());
        var b = tensor(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal(new long[] { 2, 3 }, b.shape);
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, b.data<float>().ToArray());
        Assert.Equal(36f, (a + b).sum().item<float>());
    }

    [Fact]
    public void Tensor_from_arrays_lists_and_jagged()
    {
        Assert.Equal(new long[] { 2, 2, 2 }, tensor(new double[,,] { { { 1, 2 }, { 3, 4 } }, { { 5, 6 }, { 7, 8 } } }).shape);
        var jagged = tensor(new float[][] { new float[] { 1, 2 }, new float[] { 3, 4 }, new float[] { 5, 6 } });
        Assert.Equal(new long[] { 3, 2 }, jagged.shape);
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, jagged.data<float>().ToArray());
        var list = tensor(new List<int> { 1, 2, 3, 4, 5, 6 }, 2, 3);
        Assert.Equal(ScalarType.Int32, list.dtype);
        Assert.Equal(new long[] { 2, 3 }, list.shape);
        Assert.Equal(ScalarType.Float32, tensor(new List<long> { 1, 2 }, float32).dtype);
        Assert.Equal(new[] { true, false, true, true }, tensor(new bool[,] { { true, false }, { true, true } }).data<bool>().ToArray());
        Assert.Equal(new byte[] { 9, 8 }, tensor(new List<byte> { 9, 8 }).data<byte>().ToArray());
        Assert.Equal(new long[] { 1, 2, 3, 4 }, tensor(new long[,] { { 1, 2 }, { 3, 4 } }).data<long>().ToArray());
        Assert.Equal(ScalarType.Float64, tensor(new float[,] { { 1 } }, dtype: float64).dtype);
    }

    [Fact]
    public void From_array_shares_1d_and_copies_multidim()
    {
        var data = new float[] { 1, 2, 3 };
        var t = from_array(data);
        data[0] = 10;
        Assert.Equal(10f, t.data<float>()[0]);
        using (no_grad()) t.mul_(2);
        Assert.Equal(new float[] { 20, 4, 6 }, data);

        var grid = new int[,] { { 1, 2 }, { 3, 4 } };
        var g = from_array(grid);
        Assert.Equal(new long[] { 2, 2 }, g.shape);
        Assert.Equal(ScalarType.Int32, g.dtype);
        grid[0, 0] = 100;
        Assert.Equal(1, g.data<int>()[0]);
        Assert.Equal(ScalarType.Float64, from_array(new byte[] { 1 }, float64).dtype);
    }

    [Fact]
    public void Errors_name_the_problem()
    {
        var neg = Assert.Throws<ArgumentException>(() => zeros(2, -3));
        Assert.Contains("negative dimension -3", neg.Message);
        Assert.Contains("[2, -3]", neg.Message);
        var mismatch = Assert.Throws<ArgumentException>(() => tensor(new List<float> { 1, 2, 3 }, 2, 2));
        Assert.Contains("[2, 2]", mismatch.Message);
        Assert.Contains("3", mismatch.Message);
        var jag = Assert.Throws<ArgumentException>(() => tensor(new float[][] { new float[] { 1, 2 }, new float[] { 3 } }));
        Assert.Contains("expected sequence of length 2 at dim 1 (got 1)", jag.Message);
        Assert.Contains("step must be nonzero", Assert.Throws<ArgumentException>(() => arange(0, 5, step: 0)).Message);
        Assert.Contains("inconsistent with step sign", Assert.Throws<ArgumentException>(() => arange(0, 5, -1)).Message);
        Assert.Contains("bad dtype", Assert.Throws<ArgumentException>(() => rand(2, dtype: int64)).Message);
        Assert.Contains("from=5 >= to=5", Assert.Throws<ArgumentException>(() => randint(5, 5, new long[] { 2 })).Message);
        Assert.Contains("non-negative", Assert.Throws<ArgumentException>(() => linspace(0, 1, -1)).Message);
    }

    [Fact]
    public void Manual_seed_makes_streams_reproducible()
    {
        manual_seed(42);
        var a = rand(1000).data<float>().ToArray();
        var an = randn(10).data<float>().ToArray();
        var ai = randint(100, new long[] { 10 }).data<long>().ToArray();
        var ap = randperm(20).data<long>().ToArray();
        torch.random.manual_seed(42);
        Assert.Equal(a, rand(1000).data<float>().ToArray());
        Assert.Equal(an, randn(10).data<float>().ToArray());
        Assert.Equal(ai, randint(100, new long[] { 10 }).data<long>().ToArray());
        Assert.Equal(ap, randperm(20).data<long>().ToArray());
        manual_seed(43);
        Assert.NotEqual(a, rand(1000).data<float>().ToArray());
        Assert.Equal(43, initial_seed());
    }

    [Fact]
    public void Generator_state_saves_and_restores_the_exact_position()
    {
        var g = new Generator(11);
        randn(3, generator: g);                                  // odd count: a spare normal is pending in the state
        var state = g.get_state();
        var expected = randn(5, dtype: float64, generator: g).data<double>().ToArray();
        rand(17, generator: g);
        g.set_state(state);
        Assert.Equal(expected, randn(5, dtype: float64, generator: g).data<double>().ToArray());
        Assert.Equal(11, g.initial_seed());

        var saved = torch.random.get_rng_state();
        var next = rand(4).data<float>().ToArray();
        torch.random.set_rng_state(saved);
        Assert.Equal(next, rand(4).data<float>().ToArray());

        var bad = Assert.Throws<ArgumentException>(() => g.set_state(zeros(3)));
        Assert.Contains("uint8 tensor of 56 bytes", bad.Message);
        Assert.Contains("Float32 with shape [3]", bad.Message);
    }

    [Fact]
    public void Explicit_generators_are_independent_of_the_default()
    {
        var g1 = new Generator(7);
        var g2 = new Generator().manual_seed(7);
        var x = randn(50, generator: g1);
        rand(100); // draws from the default generator must not disturb g1/g2
        Assert.Equal(x.data<float>().ToArray(), randn(50, generator: g2).data<float>().ToArray());
        Assert.Equal(7, g1.initial_seed());
    }

    [Fact]
    public void Rand_is_uniform_in_unit_interval()
    {
        var x = rand(100_000, generator: new Generator(1)).data<float>().ToArray();
        Assert.All(x, v => Assert.True(v >= 0f && v < 1f));
        Assert.InRange(x.Average(), 0.49, 0.51);
        Assert.InRange(x.Count(v => v < 0.25f) / 100_000.0, 0.24, 0.26);
    }

    [Fact]
    public void Randn_has_mean_zero_and_std_one()
    {
        var x = randn(100_000, dtype: float64, generator: new Generator(2)).data<double>().ToArray();
        double mean = x.Average();
        double std = Math.Sqrt(x.Select(v => (v - mean) * (v - mean)).Average());
        Assert.InRange(mean, -0.02, 0.02);
        Assert.InRange(std, 0.98, 1.02);
        Assert.InRange(x.Count(v => Math.Abs(v) < 1) / 100_000.0, 0.67, 0.70); // 68.3% within one sigma
    }

    [Fact]
    public void Randint_stays_in_bounds_and_hits_every_value()
    {
        var x = randint(-3, 4, (50, 40), generator: new Generator(3));
        Assert.Equal(new long[] { 50, 40 }, x.shape);
        Assert.Equal(ScalarType.Int64, x.dtype);
        var values = x.data<long>().ToArray();
        Assert.All(values, v => Assert.InRange(v, -3, 3));
        Assert.Equal(7, values.Distinct().Count());
        Assert.Equal(new long[] { 3, 4 }, randint(10, (3, 4)).shape);
        Assert.Equal(ScalarType.Int32, randint(10, new[] { 5 }, dtype: int32).dtype);
    }

    [Fact]
    public void Randperm_is_a_permutation()
    {
        var p = randperm(1000, generator: new Generator(4)).data<long>().ToArray();
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), p.OrderBy(v => v));
        Assert.NotEqual(Enumerable.Range(0, 1000).Select(i => (long)i), p);
        Assert.Empty(randperm(0).data<long>().ToArray());
    }

    [Fact]
    public void In_place_fills_write_through_non_contiguous_views()
    {
        var baseT = zeros(3, 4);
        var column = baseT.reshape(3, 4).detach();
        // A strided view: every other column of a 3x4 tensor (strides [4, 2]).
        var view = new Tensor(baseT.storage, [3, 2], [4, 2], 1, ScalarType.Float32);
        Assert.False(view.is_contiguous());
        int before = baseT.storage.Version;
        view.fill_(7);
        Assert.Equal(new float[] { 0, 7, 0, 7, 0, 7, 0, 7, 0, 7, 0, 7 }, baseT.data<float>().ToArray());
        Assert.True(baseT.storage.Version > before);
        view.uniform_(2, 3, new Generator(5));
        var values = baseT.data<float>().ToArray();
        Assert.All(new[] { 0, 2, 4, 6, 8, 10 }.Select(i => values[i]), v => Assert.Equal(0f, v));
        Assert.All(new[] { 1, 3, 5, 7, 9, 11 }.Select(i => values[i]), v => Assert.InRange(v, 2f, 3f));
        view.zero_();
        Assert.All(column.data<float>().ToArray(), v => Assert.Equal(0f, v));
        var n = zeros(10_000, dtype: float64).normal_(5, 2, new Generator(6)).data<double>().ToArray();
        Assert.InRange(n.Average(), 4.9, 5.1);
        var bern = zeros(10_000).bernoulli_(0.3, new Generator(7)).data<float>().ToArray();
        Assert.All(bern, v => Assert.True(v == 0f || v == 1f));
        Assert.InRange(bern.Average(), 0.28, 0.32);
        Assert.Equal(new long[] { 4, 4, 4, 4 }, full(2, 2, 1L).fill_(4).data<long>().ToArray());
    }

    [Fact]
    public void In_place_fill_on_a_leaf_that_requires_grad_is_refused()
    {
        var w = zeros(3, requires_grad: true);
        var ex = Assert.Throws<InvalidOperationException>(() => w.uniform_());
        Assert.Contains("leaf Variable that requires grad", ex.Message);
        using (no_grad()) w.normal_(0, 0.01);
        Assert.True(w.requires_grad);
        Assert.Contains(w.data<float>().ToArray(), v => v != 0f);
    }

    [Fact]
    public void Fill_on_a_tracked_result_cuts_gradient_to_its_inputs()
    {
        var x = ones(3, requires_grad: true);
        var y = x * 2;
        y.fill_(5);
        (y * x).sum().backward();
        Assert.Equal(new float[] { 5, 5, 5 }, x.grad!.data<float>().ToArray());
    }

    [Fact]
    public void Alias_and_dispose_scope_are_harmless()
    {
        using var scope = NewDisposeScope();
        var x = arange(3, dtype: float32);
        var a = x.alias();
        using (no_grad()) a.add_(1);
        Assert.Equal(new float[] { 1, 2, 3 }, x.data<float>().ToArray());
        scope.DisposeEverything();
        Assert.Equal(6f, x.MoveToOuterDisposeScope().sum().item<float>());
    }
}
