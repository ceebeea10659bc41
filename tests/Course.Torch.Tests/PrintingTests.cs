using System.Globalization;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

[Collection(GlobalState.Name)]
public class PrintingTests
{
    static readonly CultureInfo inv = CultureInfo.InvariantCulture;
    static readonly float[] values = { 0.0f, 3.141f, 6.2834f, 3.14152f, 6.28e-06f, -13.141529f, 0.01f, 4713.14f };

    [Fact]
    public void Julia_2d_matches_TorchSharp()
    {
        var t = tensor(values, 2, 4);
        Assert.Equal("[2x4], type = Float32, device = cpu\n        0   3.141 6.2834 3.1415\n 6.28e-06 -13.142   0.01 4713.1\n",
            t.ToString(true, cultureInfo: inv, newLine: "\n"));
        Assert.Equal("[2x4], type = Float32, device = cpu\n        0   3.141 6.2834 3.1415\n 6.28e-06 -13.142   0.01 4713.1\n",
            t.str(cultureInfo: inv, newLine: "\n"));
        Assert.Equal(t.jlstr(cultureInfo: inv, newLine: "\n"), t.ToString(julia, cultureInfo: inv, newLine: "\n"));
    }

    [Fact]
    public void Julia_other_ranks_match_TorchSharp()
    {
        Assert.Equal("[4], type = Float32, device = cpu\n 0 0 0 0\n", zeros(4).ToString(julia, cultureInfo: inv, newLine: "\n"));
        Assert.Equal("[], type = Float32, device = cpu, value = 3.14", tensor(3.14f).ToString(julia, cultureInfo: inv));
        Assert.Equal("[], type = Float32, device = cpu, value = 3.14E+000", tensor(3.14f).jlstr("E2", cultureInfo: inv));
        var t3 = tensor(values.Concat(new[] { 0.01f }).Concat(new float[7]).ToArray(), 2, 2, 4);
        Assert.Equal("[2x2x4], type = Float32, device = cpu\n[0,..,..] =\n 0.0000000   3.1410000 6.2834000    3.1415200\n" +
                     " 0.0000063 -13.1415300 0.0100000 4713.1400000\n\n[1,..,..] =\n 0.0100000 0.0000000 0.0000000 0.0000000\n" +
                     " 0.0000000 0.0000000 0.0000000 0.0000000\n", t3.jlstr("0.0000000", newLine: "\n", cultureInfo: inv));
        var t4 = tensor(Enumerable.Repeat(values.Concat(new[] { 0.01f }).Concat(new float[7]), 2).SelectMany(v => v).ToArray(), 2, 2, 2, 4);
        Assert.Equal("[2x2x2x4], type = Float32, device = cpu\n[0,0,..,..] =\n        0   3.141 6.2834 3.1415\n" +
                     " 6.28e-06 -13.142   0.01 4713.1\n\n[0,1,..,..] =\n 0.01 0 0 0\n    0 0 0 0\n\n" +
                     "[1,0,..,..] =\n        0   3.141 6.2834 3.1415\n 6.28e-06 -13.142   0.01 4713.1\n\n" +
                     "[1,1,..,..] =\n 0.01 0 0 0\n    0 0 0 0\n", t4.ToString(julia, cultureInfo: inv, newLine: "\n"));
    }

    [Fact]
    public void Julia_ints_bools_and_transposed_views()
    {
        Assert.Equal("[2x3], type = Int64, device = cpu\n 0 1 2\n 3 4 5\n", arange(6).reshape(2, 3).ToString(julia, newLine: "\n"));
        Assert.Equal("[2], type = Bool, device = cpu\n True False\n", tensor(new[] { true, false }).ToString(julia, newLine: "\n"));
        var t = arange(6).reshape(2, 3);
        var transposed = new Tensor(t.storage, [3, 2], [1, 3], 0, ScalarType.Int64);
        Assert.Equal("[3x2], type = Int64, device = cpu\n 0 3\n 1 4\n 2 5\n", transposed.ToString(julia, newLine: "\n"));
    }

    [Fact]
    public void Julia_elides_wide_and_tall_tensors()
    {
        var wide = arange(1000).ToString(julia, newLine: "\n");
        Assert.EndsWith(" ...\n", wide);
        Assert.True(wide.Split('\n')[1].Length <= 100);
        var tall = arange(100).reshape(50, 2).ToString(julia, newLine: "\n");
        Assert.Equal("[50x2], type = Int64, device = cpu\n  0  1\n  2  3\n  4  5\n ...\n 94 95\n 96 97\n 98 99\n", tall);
    }

    [Fact]
    public void Numpy_matches_TorchSharp()
    {
        Assert.Equal("[0, 0, 0, 0]", zeros(4).ToString(numpy));
        Assert.Equal("[1, 1, 1, ... 1, 1, 1]", ones(100, int32).ToString(numpy));
        Assert.Equal("[[0, 3.141, 6.2834, 3.1415]\n [6.28e-06, -13.142, 0.01, 4713.1]]", tensor(values, 2, 4).ToString(numpy, cultureInfo: inv, newLine: "\n"));
        var t3 = tensor(values.Concat(new[] { 0.01f }).Concat(new float[7]).ToArray(), 2, 2, 4);
        Assert.Equal("[[[0, 3.141, 6.2834, 3.1415]\n  [6.28e-06, -13.142, 0.01, 4713.1]]\n\n [[0.01, 0, 0, 0]\n  [0, 0, 0, 0]]]", t3.npstr(cultureInfo: inv, newLine: "\n"));
        var big = tensor(Enumerable.Range(1, 10000).Select(x => x * 2 + 5).ToList(), new long[] { 100, 100 }, ScalarType.Float32);
        Assert.Equal("[[7, 9, 11, ... 201, 203, 205]\n [207, 209, 211, ... 401, 403, 405]\n [407, 409, 411, ... 601, 603, 605]\n ...\n" +
                     " [19407, 19409, 19411, ... 19601, 19603, 19605]\n [19607, 19609, 19611, ... 19801, 19803, 19805]\n [19807, 19809, 19811, ... 20001, 20003, 20005]]",
            big.ToString(numpy, newLine: "\n"));
        Assert.Equal("3.14", tensor(3.14f).npstr(cultureInfo: inv));
    }

    [Fact]
    public void CSharp_style_matches_TorchSharp()
    {
        var hundreds = tensor(Enumerable.Range(0, 100).Select(x => 2 * x + 1).ToList(), ScalarType.Float32);
        Assert.Equal("[4], type = Float32, device = cpu, value = float [] {0f, 0f, 0f, 0f}", zeros(4).ToString(csharp));
        Assert.Equal("[100], type = Int32, device = cpu, value = int [] {1, 1, 1, ... 1, 1, 1}", ones(100, int32).ToString(csharp));
        Assert.Equal("[10x10], type = Float32, device = cpu, value = \nfloat [,] {\n {1f, 3f, 5f, ... 15f, 17f, 19f},\n {21f, 23f, 25f, ... 35f, 37f, 39f},\n" +
                     " {41f, 43f, 45f, ... 55f, 57f, 59f},\n ...,\n {141f, 143f, 145f, ... 155f, 157f, 159f},\n {161f, 163f, 165f, ... 175f, 177f, 179f},\n" +
                     " {181f, 183f, 185f, ... 195f, 197f, 199f}\n}", hundreds.reshape(10, 10).cstr(newLine: "\n"));
        Assert.Equal("[2x2x4], type = Float32, device = cpu, value = \nfloat [,,] {\n {{0f, 0f, 0f, 0f},\n  {0f, 0f, 0f, 0f}},\n {{0f, 0f, 0f, 0f},\n  {0f, 0f, 0f, 0f}}\n}",
            zeros(2, 2, 4).ToString(csharp, newLine: "\n"));
    }

    [Fact]
    public void Default_style_is_global_and_print_writes_it()
    {
        var t = zeros(2, 2);
        Assert.Equal("[2x2], type = Float32, device = cpu", t.ToString());
        Assert.Equal(TensorStringStyle.Julia, torch.TensorStringStyle);
        try
        {
            torch.TensorStringStyle = TensorStringStyle.Numpy;
            Assert.Equal("[[0, 0]\n [0, 0]]", t.str(newLine: "\n"));
            var writer = new StringWriter();
            var original = Console.Out;
            Console.SetOut(writer);
            try { Assert.Same(t, t.print(newLine: "\n")); }
            finally { Console.SetOut(original); }
            Assert.Equal("[[0, 0]\n [0, 0]]" + Environment.NewLine, writer.ToString());
            Assert.Throws<ArgumentException>(() => torch.TensorStringStyle = TensorStringStyle.Default);
        }
        finally { torch.TensorStringStyle = TensorStringStyle.Julia; }
        Assert.Equal("[2x2], type = Float32, device = cpu", t.metastr());
    }
}
