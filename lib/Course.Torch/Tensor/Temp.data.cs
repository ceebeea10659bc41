namespace Course.Torch;

public static partial class torch
{
    /// <summary>Sampling used when resizing or rotating images (TorchSharp's enum; the interpolate owner's version replaces this one).</summary>
    public enum InterpolationMode
    {
        /// <summary>Nearest neighbour.</summary>
        Nearest = 0,
        /// <summary>Linear (1-D).</summary>
        Linear = 1,
        /// <summary>Bilinear (2-D).</summary>
        Bilinear = 2,
        /// <summary>Bicubic (2-D).</summary>
        Bicubic = 3,
        /// <summary>Trilinear (3-D).</summary>
        Trilinear = 4,
        /// <summary>Area averaging.</summary>
        Area = 5,
        /// <summary>Nearest neighbour with pixel-centre alignment.</summary>
        NearestExact = 6,
    }
}
