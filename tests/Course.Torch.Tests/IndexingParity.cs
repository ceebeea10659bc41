using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

/// <summary>Runs every case of fixtures/indexing.json (gen_indexing.py) and compares outputs and gradients with PyTorch.</summary>
public class IndexingParity
{
    static Tensor[] One(Tensor t) => [t];

    static Func<Tensor[], Tensor[]> Setter(Action<Tensor, Tensor[]> write) => x =>
    {
        var y = x[0].clone();
        write(y, x);
        return [y];
    };

    static readonly Dictionary<string, Func<Tensor[], Tensor[]>> Ops = new()
    {
        ["transpose_2d"] = x => One(x[0].transpose(0, 1)),
        ["transpose_neg"] = x => One(x[0].transpose(-1, 0)),
        ["permute_3d"] = x => One(x[0].permute(2, 0, 1)),
        ["T_3d"] = x => One(x[0].T),
        ["mT_3d"] = x => One(x[0].mT),
        ["t_2d"] = x => One(x[0].t()),
        ["flatten_all"] = x => One(x[0].flatten()),
        ["flatten_mid"] = x => One(x[0].flatten(1)),
        ["flatten_noncontig"] = x => One(x[0].t().flatten()),
        ["unflatten"] = x => One(x[0].unflatten(1, 2, 3)),
        ["squeeze_all"] = x => One(x[0].squeeze()),
        ["squeeze_dim"] = x => One(x[0].squeeze(2)),
        ["squeeze_dim_not_one"] = x => One(x[0].squeeze(1)),
        ["unsqueeze_mid"] = x => One(x[0].unsqueeze(1)),
        ["unsqueeze_neg"] = x => One(x[0].unsqueeze(-1)),
        ["narrow"] = x => One(x[0].narrow(0, 1, 2)),
        ["narrow_neg_start"] = x => One(x[0].narrow(1, -2, 2)),
        ["select_neg"] = x => One(x[0].select(1, -1)),
        ["slice_step"] = x => One(x[0].slice(1, 1, 4, 2)),
        ["transpose_then_reshape"] = x => One(x[0].t().reshape(6)),
        ["transpose_int"] = x => One(x[0].transpose(0, 1)),

        ["cat_dim0"] = x => One(cat([x[0], x[1]])),
        ["cat_dim_neg"] = x => One(cat([x[0], x[1]], -1)),
        ["cat_three"] = x => One(cat(x, 1)),
        ["cat_promote"] = x => One(cat([x[0], x[1]])),
        ["cat_legacy_empty"] = x => One(cat(x)),
        ["cat_noncontig"] = x => One(cat([x[0].t(), x[1]], 0)),
        ["stack_dim0"] = x => One(stack([x[0], x[1]])),
        ["stack_dim_neg"] = x => One(stack([x[0], x[1]], -1)),
        ["split_size"] = x => x[0].split(2),
        ["split_sizes"] = x => x[0].split([1, 2, 3], 1),
        ["chunk_uneven"] = x => x[0].chunk(3),
        ["chunk_dim1"] = x => x[0].chunk(2, 1),
        ["unbind_dim1"] = x => x[0].unbind(1),

        ["idx_int"] = x => One(x[0][1]),
        ["idx_neg"] = x => One(x[0][-1]),
        ["idx_two_ints"] = x => One(x[0][1, -2]),
        ["idx_slice"] = x => One(x[0][1..3]),
        ["idx_open_slices"] = x => One(x[0][1.., ^2..]),
        ["idx_step"] = x => One(x[0][TensorIndex.Slice(step: 2), TensorIndex.Slice(1, null, 2)]),
        ["idx_past_end"] = x => One(x[0][TensorIndex.Slice(2, 100)]),
        ["idx_empty_slice"] = x => One(x[0][3..1]),
        ["idx_ellipsis_mid"] = x => One(x[0][0, TensorIndex.Ellipsis, 1]),
        ["idx_ellipsis_last"] = x => One(x[0][TensorIndex.Ellipsis, -1]),
        ["idx_none_front"] = x => One(x[0][TensorIndex.None, TensorIndex.Colon]),
        ["idx_none_mid"] = x => One(x[0][TensorIndex.Colon, TensorIndex.None, 1]),
        ["idx_bool_true"] = x => One(x[0][TensorIndex.Bool(true)]),
        ["idx_tuple_slice"] = x => One(x[0][TensorIndex.Colon, (1, 3)]),

        ["idx_mask_full"] = x => One(x[0][x[1]]),
        ["idx_mask_rows"] = x => One(x[0][x[1]]),
        ["idx_mask_mid"] = x => One(x[0][TensorIndex.Colon, TensorIndex.Tensor(x[1])]),
        ["idx_long_repeat"] = x => One(x[0][x[1]]),
        ["idx_long_neg"] = x => One(x[0][x[1]]),
        ["idx_long_2d"] = x => One(x[0][x[1]]),
        ["idx_long_dim1"] = x => One(x[0][TensorIndex.Colon, TensorIndex.Tensor(x[1])]),
        ["idx_two_adjacent"] = x => One(x[0][TensorIndex.Colon, TensorIndex.Tensor(x[1]), TensorIndex.Tensor(x[2])]),
        ["idx_two_broadcast"] = x => One(x[0][x[1], x[2]]),
        ["idx_two_nonadjacent"] = x => One(x[0][TensorIndex.Tensor(x[1]), TensorIndex.Colon, TensorIndex.Tensor(x[2])]),
        ["idx_int_then_tensor"] = x => One(x[0][0, TensorIndex.Colon, TensorIndex.Tensor(x[1])]),
        ["idx_tensor_then_int"] = x => One(x[0][TensorIndex.Tensor(x[1]), 1]),
        ["idx_int_tensor_index"] = x => One(x[0][x[1]]),

        ["set_int"] = Setter((y, x) => y[0, 0] = 35),
        ["set_mask"] = Setter((y, x) => y[x[1]] = 0),
        ["set_slice_broadcast"] = Setter((y, x) => y[1..3] = x[1]),
        ["set_advanced"] = Setter((y, x) => y[x[2]] = x[1]),
        ["set_ellipsis"] = Setter((y, x) => y[TensorIndex.Ellipsis, 1] = x[1]),
        ["set_int_tensor"] = Setter((y, x) => y[1, TensorIndex.Colon] = 7),

        ["index_select_repeat"] = x => One(x[0].index_select(0, x[1])),
        ["index_select_neg_dim"] = x => One(x[0].index_select(-1, x[1])),
        ["index_select_noncontig"] = x => One(x[0].t().index_select(0, x[1])),
        ["gather_dim1_repeat"] = x => One(x[0].gather(1, x[1])),
        ["gather_dim0_smaller"] = x => One(x[0].gather(0, x[1])),
        ["scatter_dim1"] = x => One(x[0].scatter(1, x[1], x[2])),
        ["scatter_src_larger"] = x => One(x[0].scatter(0, x[1], x[2].detach())),
        ["scatter_scalar"] = x => One(x[0].scatter(0, x[1], 2.5)),
        ["scatter_add_repeat"] = x => One(x[0].scatter_add(1, x[1], x[2])),
        ["index_add_alpha"] = x => One(x[0].index_add(0, x[1], x[2], alpha: 2)),
    };

    public static IEnumerable<object[]> Names() => Fixtures.Names("indexing");

    [Theory]
    [MemberData(nameof(Names))]
    public void Matches_pytorch(string name)
    {
        var c = Fixtures.Load("indexing")[name];
        Assert.True(Ops.ContainsKey(name), $"no C# op for fixture case {name}");
        int n = c.Arg("n_inputs").GetInt32();
        var inputs = Enumerable.Range(0, n).Select(i => c.In(i)).Select(t => t.is_floating_point() ? t.requires_grad_() : t).ToArray();
        var outs = Ops[name](inputs);
        for (int i = 0; i < outs.Length; i++) Fixtures.AssertClose(c.Out(i), outs[i], what: $"{name} output {i}");

        var tracked = outs.Where(o => o.requires_grad).ToArray();
        if (tracked.Length == 0) return;
        var loss = tracked.Select(o => (o * Weight(o)).sum()).Aggregate((a, b) => a + b);
        loss.backward();
        for (int i = 0; i < n; i++)
            if (c.Grad(i) is { } expected) Fixtures.AssertClose(expected, inputs[i].grad!, what: $"{name} grad {i}");
    }

    static Tensor Weight(Tensor o) =>
        tensor(Enumerable.Range(1, (int)o.numel()).Select(i => (double)i).ToArray()).reshape(o.shape).to(o.dtype);
}
