using System.Text.Json;
using Course.Torch;
using static Course.Torch.torch;
using static Course.Torch.torchvision.ops;

namespace Course.Torch.Tests;

/// <summary>torchvision.ops against torchvision (fixtures/gen_vision.py), gradient checks, properties and errors.</summary>
public class VisionOpsTests
{
    static FixtureCase Case(string name) => Fixtures.Load("vision")[name];

    static IEnumerable<object[]> Named(Func<string, bool> pick) => Fixtures.Names("vision").Where(n => pick((string)n[0]));

    public static IEnumerable<object[]> BoxCases() => Named(n => n.StartsWith("box_") || n.StartsWith("generalized"));
    public static IEnumerable<object[]> NmsCases() => Named(n => n.Contains("nms"));
    public static IEnumerable<object[]> RoiCases() => Named(n => n.StartsWith("roi_"));

    static Tensor BoxOp(FixtureCase c, Tensor[] xs) => c.Name switch
    {
        "box_area" => box_area(xs[0]),
        "generalized_box_iou" => generalized_box_iou(xs[0], xs[1]),
        var n when n.StartsWith("box_iou") => box_iou(xs[0], xs[1]),
        _ => box_convert(xs[0], Enum.Parse<BoxFormats>(c.Arg("in_fmt").GetString()!), Enum.Parse<BoxFormats>(c.Arg("out_fmt").GetString()!)),
    };

    [Theory]
    [MemberData(nameof(BoxCases))]
    public void Box_ops_match_torchvision_values_and_gradients(string name)
    {
        var c = Case(name);
        int n = c.Name.Contains("iou") ? 2 : 1;
        var xs = Enumerable.Range(0, n).Select(i => c.In(i).requires_grad_()).ToArray();
        var output = BoxOp(c, xs);
        Fixtures.AssertClose(c.Out(0), output);
        (output * c.In(n)).sum().backward();
        for (int i = 0; i < n; i++) Fixtures.AssertClose(c.Grad(i)!, xs[i].grad!, what: $"grad {i}");
    }

    [Theory]
    [MemberData(nameof(NmsCases))]
    public void Nms_matches_torchvision(string name)
    {
        var c = Case(name);
        double threshold = c.Arg("iou_threshold").GetDouble();
        var keep = name.StartsWith("batched")
            ? batched_nms(c.In(0), c.In(1), c.In(2), threshold)
            : nms(c.In(0), c.In(1), threshold);
        Assert.Equal(int64, keep.dtype);
        Assert.Equal(c.Out(0).data<long>().ToArray(), keep.data<long>().ToArray());
    }

    static (int, int) Size(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? (e[0].GetInt32(), e[1].GetInt32()) : (e.GetInt32(), e.GetInt32());

    static Tensor RoiOp(FixtureCase c, Tensor input, object boxes)
    {
        var size = Size(c.Arg("output_size"));
        var scale = (float)c.Arg("spatial_scale").GetDouble();
        return c.Name.StartsWith("roi_pool")
            ? roi_pool(input, boxes, size, scale)
            : roi_align(input, boxes, size, scale, c.Arg("sampling_ratio").GetInt64(), c.Arg("aligned").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(RoiCases))]
    public void Roi_ops_match_torchvision_values_and_input_gradients(string name)
    {
        var c = Case(name);
        var input = c.In(0).requires_grad_();
        var output = RoiOp(c, input, c.In(1));
        Fixtures.AssertClose(c.Out(0), output);
        (output * c.In(2)).sum().backward();
        Fixtures.AssertClose(c.Grad(0)!, input.grad!, what: "grad input");
    }

    [Fact]
    public void Roi_boxes_as_a_list_per_image_equal_the_indexed_form()
    {
        var c = Case("roi_align_aligned_r2");
        var rois = c.In(1);
        var perImage = Enumerable.Range(0, 2).Select(b => rois[rois.select(1, 0).eq(b)].narrow(1, 1, 4)).ToList();
        var sorted = cat(Enumerable.Range(0, 2).Select(b => rois[rois.select(1, 0).eq(b)]).ToList(), 0);
        Fixtures.AssertClose(RoiOp(c, c.In(0), sorted), RoiOp(c, c.In(0), perImage));
        Fixtures.AssertClose(roi_pool(c.In(0), sorted, 2), roi_pool(c.In(0), perImage, (2, 2)));
    }

    [Fact]
    public void Roi_ops_accept_a_non_contiguous_input()
    {
        var c = Case("roi_pool");
        var x = c.In(0);
        var view = x.transpose(2, 3).contiguous().transpose(2, 3);
        Assert.False(view.is_contiguous());
        Fixtures.AssertClose(c.Out(0), roi_pool(view, c.In(1), (2, 3)));
    }

    // Gradient checks in float64. Boxes are chosen with all corner coordinates distinct, so max/min/clamp are
    // away from their kinks, and RoI inputs have distinct values, so roi_pool's argmax is stable under ±eps.
    static readonly Tensor Boxes1 = tensor(new double[,] { { 0.1, 0.2, 2.3, 2.7 }, { 1.15, 0.9, 3.4, 2.05 }, { 5.0, 5.1, 6.2, 7.3 } });
    static readonly Tensor Boxes2 = tensor(new double[,] { { 0.5, 0.35, 1.9, 3.1 }, { 2.2, 1.3, 4.4, 2.6 } });

    [Fact]
    public void Box_iou_gradcheck() => GradCheck.Check(xs => box_iou(xs[0], xs[1]), Boxes1, Boxes2);

    [Fact]
    public void Generalized_box_iou_gradcheck() => GradCheck.Check(xs => generalized_box_iou(xs[0], xs[1]), Boxes1, Boxes2);

    [Fact]
    public void Box_iou_double_backward() => GradCheck.CheckGradGrad(xs => box_iou(xs[0], xs[1]), Boxes1, Boxes2);

    static Tensor Map() => (arange(2 * 2 * 5 * 6, float64).reshape(2, 2, 5, 6) * 0.37).sin() * 2;

    static readonly Tensor Rois = tensor(new double[,] { { 0, 0.3, 0.6, 4.2, 3.1 }, { 1, -1.2, 1.4, 3.3, 6.5 }, { 1, 2.6, 0.2, 7.1, 2.9 } });

    [Theory]
    [InlineData(false, 2)]
    [InlineData(true, -1)]
    public void Roi_align_gradcheck(bool aligned, long sampling_ratio) =>
        GradCheck.Check(xs => roi_align(xs[0], Rois, (2, 3), 0.9f, sampling_ratio, aligned), Map());

    [Fact]
    public void Roi_pool_gradcheck() => GradCheck.Check(xs => roi_pool(xs[0], Rois, (2, 2), 1), Map());

    [Fact]
    public void Iou_is_symmetric_and_one_on_the_diagonal()
    {
        var a = tensor(new float[,] { { 0, 0, 2, 2 }, { 1, 1, 5, 6 }, { 0, 3, 2, 4 }, { 10, 10, 11.5f, 12 } });
        var b = tensor(new float[,] { { 1, 0, 3, 2 }, { 2, 2.5f, 3, 4 }, { -1, 0, 0.5f, 9 } });
        Fixtures.AssertClose(box_iou(a, b).t().contiguous(), box_iou(b, a));
        var (iou, giou) = (box_iou(a, a), generalized_box_iou(a, a));
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(1f, iou[i, i].item<float>(), 6);
            Assert.Equal(1f, giou[i, i].item<float>(), 6);
        }
        Assert.Equal(0f, box_iou(a, b)[3, 0].item<float>());
    }

    [Fact]
    public void Box_convert_round_trips()
    {
        var boxes = tensor(new double[,] { { 0.5, 1, 3, 4.5 }, { -2, 0, 1, 7 } });
        foreach (var via in Enum.GetValues<BoxFormats>())
        foreach (var from in Enum.GetValues<BoxFormats>())
        {
            var start = box_convert(boxes, BoxFormats.xyxy, from);
            Fixtures.AssertClose(start, box_convert(box_convert(start, from, via), via, from), what: $"{from} -> {via} -> {from}");
        }
        Fixtures.AssertClose(tensor(new double[,] { { 1.75, 2.75, 2.5, 3.5 }, { -0.5, 3.5, 3, 7 } }),
            box_convert(boxes, BoxFormats.xyxy, BoxFormats.cxcywh));
    }

    [Fact]
    public void Nms_keeps_everything_when_nothing_overlaps_and_sorts_by_score()
    {
        var boxes = tensor(new float[,] { { 0, 0, 1, 1 }, { 2, 2, 3, 3 }, { 4, 4, 5, 5 } });
        Assert.Equal(new long[] { 1, 2, 0 }, nms(boxes, tensor(new float[] { 0.1f, 0.9f, 0.5f })).data<long>().ToArray());
    }

    [Fact]
    public void Wrong_box_shapes_are_named()
    {
        var bad = zeros(3, 5);
        Assert.Contains("[3, 5]", Assert.Throws<ArgumentException>(() => box_area(bad)).Message);
        Assert.Contains("[3, 5]", Assert.Throws<ArgumentException>(() => box_iou(zeros(2, 4), bad)).Message);
        Assert.Contains("[3, 5]", Assert.Throws<ArgumentException>(() => generalized_box_iou(bad, zeros(2, 4))).Message);
        Assert.Contains("[3, 5]", Assert.Throws<ArgumentException>(() => box_convert(bad, BoxFormats.xyxy, BoxFormats.xywh)).Message);
        Assert.Contains("[3, 5]", Assert.Throws<ArgumentException>(() => nms(bad, zeros(3))).Message);
        Assert.Contains("[2]", Assert.Throws<ArgumentException>(() => nms(zeros(3, 4), zeros(2))).Message);
        var roiError = Assert.Throws<ArgumentException>(() => roi_align(zeros(1, 1, 4, 4), zeros(2, 4), 2)).Message;
        Assert.Contains("[2, 4]", roiError);
        Assert.Contains("[K, 5]", roiError);
        Assert.Contains("[2, 5]", Assert.Throws<ArgumentException>(() => roi_pool(zeros(1, 1, 4, 4), new List<Tensor> { zeros(2, 5) }, 2)).Message);
        Assert.Contains("[1, 4, 4]", Assert.Throws<ArgumentException>(() => roi_pool(zeros(1, 4, 4), zeros(1, 5), 2)).Message);
        Assert.Contains("batch index 3", Assert.Throws<ArgumentException>(() => roi_align(zeros(1, 1, 4, 4), tensor(new float[,] { { 3, 0, 0, 1, 1 } }), 2)).Message);
    }
}
