using Course.Kit.Images;

namespace Course.Kit.Tests;

public class ColorMapTests
{
    [Fact]
    public void Viridis_runs_from_dark_purple_to_yellow()
    {
        Assert.Equal(((byte)0x44, (byte)0x01, (byte)0x54), ColorMap.Viridis[0]);
        Assert.Equal(((byte)0xfd, (byte)0xe7, (byte)0x25), ColorMap.Viridis[1]);
        // 128/255 is a stop of its own: #21918c.
        Assert.Equal(((byte)0x21, (byte)0x91, (byte)0x8c), ColorMap.Viridis[128 / 255.0]);
    }

    [Fact]
    public void Coolwarm_is_blue_below_zero_near_white_at_zero_and_red_above()
    {
        var (r, g, b) = ColorMap.Coolwarm[0.5];
        Assert.True(r > 240 && g > 240 && b > 240, $"centre ({r}, {g}, {b}) should be near white");
        var low = ColorMap.Coolwarm[0.1];
        Assert.True(low.B > low.R, $"0.1 gives ({low.R}, {low.G}, {low.B}), expected blue");
        var high = ColorMap.Coolwarm[0.9];
        Assert.True(high.R > high.B, $"0.9 gives ({high.R}, {high.G}, {high.B}), expected red");
        Assert.True(ColorMap.Coolwarm.IsDiverging);
        Assert.False(ColorMap.Viridis.IsDiverging);
    }

    [Fact]
    public void Gray_interpolates_linearly_and_clamps_out_of_range_values()
    {
        Assert.Equal(((byte)128, (byte)128, (byte)128), ColorMap.Gray[0.5]);
        Assert.Equal(ColorMap.Viridis[0], ColorMap.Viridis[-3]);
        Assert.Equal(ColorMap.Viridis[1], ColorMap.Viridis[7]);
        Assert.Equal(ColorMap.Viridis[0], ColorMap.Viridis[double.NaN]);
    }
}
