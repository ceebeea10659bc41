namespace Course.Kit.Images;

/// <summary>How tensor values become brightness (or a position on a colour map) in [0, 1].</summary>
public enum Normalization
{
    /// <summary>
    /// uint8 as 0..255 and bool as 0/1; floats already in [0, 1] as they are; anything else
    /// <see cref="MinMax"/>, or <see cref="Symmetric"/> with a diverging colour map.
    /// </summary>
    Auto,
    /// <summary>(v − min) / (max − min), over finite values; a constant picture becomes 0.</summary>
    MinMax,
    /// <summary>0.5 + v / (2·max|v|): zero lands in the middle of the colour map, for signed data.</summary>
    Symmetric,
    /// <summary>Values are taken as already in [0, 1] (uint8 divided by 255) and clipped.</summary>
    None,
}
