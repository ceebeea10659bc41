using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

public class GridSampleTests
{
    public static IEnumerable<object[]> SpatialTransformerCases =>
        from align in new[] { true, false }
        from padding in new[] { GridSamplePaddingMode.Zeros, GridSamplePaddingMode.Border }
        from mode in new[] { GridSampleMode.Bilinear, GridSampleMode.Nearest }
        select new object[] { mode, padding, align };

    /// <summary>grid_sample(input, affine_grid(θ)): output, grid, and gradients to the input and to θ.</summary>
    [Theory]
    [MemberData(nameof(SpatialTransformerCases))]
    public void Spatial_transformer_matches_PyTorch(GridSampleMode mode, GridSamplePaddingMode padding, bool align)
    {
        var name = $"stn_{mode.ToString().ToLowerInvariant()}_{padding.ToString().ToLowerInvariant()}_align{(align ? 1 : 0)}";
        NormParity.Run(name, x =>
        {
            var grid = nn.functional.affine_grid(x[1], [2, 3, 3, 4], align);
            return [nn.functional.grid_sample(x[0], grid, mode, padding, align), grid];
        });
    }

    [Theory]
    [InlineData(GridSamplePaddingMode.Zeros, true)]
    [InlineData(GridSamplePaddingMode.Zeros, false)]
    [InlineData(GridSamplePaddingMode.Border, true)]
    [InlineData(GridSamplePaddingMode.Border, false)]
    public void Grid_sample_on_a_given_grid_matches_with_grid_gradients(GridSamplePaddingMode padding, bool align) =>
        NormParity.Run($"grid_sample_bilinear_{padding.ToString().ToLowerInvariant()}_align{(align ? 1 : 0)}",
            x => [nn.functional.grid_sample(x[0], x[1], padding_mode: padding, align_corners: align)]);

    [Fact]
    public void Identity_theta_reproduces_the_image()
    {
        var image = arange(12f).reshape(1, 1, 3, 4);
        var identity = tensor(new float[] { 1, 0, 0, 0, 1, 0 }, [1, 2, 3]);
        foreach (var align in new[] { true, false })
            Fixtures.AssertClose(image, nn.functional.grid_sample(image, nn.functional.affine_grid(identity, [1, 1, 3, 4], align), align_corners: align), 1e-5, 1e-5);
    }

    [Fact]
    public void Gradchecks_float64_to_input_and_grid()
    {
        // Grid points kept away from pixel boundaries, where bilinear sampling has kinks.
        var grid = tensor(new double[] { -0.83, 0.41, 0.27, -0.66, 1.13, 0.12, 0.58, 0.93 }, [1, 2, 2, 2]);
        foreach (var padding in new[] { GridSamplePaddingMode.Zeros, GridSamplePaddingMode.Border })
            foreach (var align in new[] { true, false })
                GradCheck.Check(t => nn.functional.grid_sample(t[0], t[1], padding_mode: padding, align_corners: align),
                    randn(1, 2, 3, 3, dtype: float64), grid);
        GradCheck.Check(t => nn.functional.affine_grid(t[0], [1, 1, 2, 3], align_corners: false),
            randn(1, 2, 3, dtype: float64));
    }

    [Fact]
    public void Errors_name_the_shapes()
    {
        var theta = Assert.Throws<ArgumentException>(() => nn.functional.affine_grid(zeros(2, 3, 3), [2, 1, 4, 4]));
        Assert.Contains("[2, 3, 3]", theta.Message);
        var grid = Assert.Throws<ArgumentException>(() => nn.functional.grid_sample(zeros(1, 1, 4, 4), zeros(1, 2, 2, 3)));
        Assert.Contains("[1, 2, 2, 3]", grid.Message);
        Assert.Throws<NotSupportedException>(() => nn.functional.grid_sample(zeros(1, 1, 4, 4), zeros(1, 2, 2, 2), GridSampleMode.Bicubic));
    }
}
