namespace Course.Kit.Images;

/// <summary>
/// The CRC-32 that PNG chunks carry (ISO 3309 / ITU-T V.42, reflected polynomial 0xEDB88320),
/// computed with the classic 256-entry table.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    // Table[n] is the CRC of the single byte n: eight shift-and-conditionally-xor steps.
    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }

    /// <summary>Continues a running CRC (start with 0) over <paramref name="data"/>.</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        uint c = ~crc;
        foreach (byte b in data)
            c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        return ~c;
    }

    /// <summary>The CRC of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Update(0, data);
}
