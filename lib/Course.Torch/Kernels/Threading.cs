namespace Course.Torch;

public static partial class torch
{
    static int numThreads = Environment.ProcessorCount;

    /// <summary>Sets how many threads the CPU kernels (GEMM) may use. Defaults to the processor count.</summary>
    /// <exception cref="ArgumentException">When <paramref name="num"/> is less than 1.</exception>
    public static void set_num_threads(int num)
    {
        if (num < 1) throw new ArgumentException($"set_num_threads expects a positive integer, but got {num}");
        numThreads = num;
    }

    /// <summary>How many threads the CPU kernels may use.</summary>
    public static int get_num_threads() => numThreads;
}
