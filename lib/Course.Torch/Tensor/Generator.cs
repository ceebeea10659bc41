namespace Course.Torch;

public static partial class torch
{
    /// <summary>
    /// A pseudo-random number generator: xoshiro256** (Blackman and Vigna, 2018), seeded through splitmix64.
    /// Streams are reproducible for a given seed but are not the same numbers PyTorch's mt19937/Philox produce.
    /// Draws lock the generator, so one generator can be shared by threads (each draw sequence stays consistent).
    /// </summary>
    public sealed class Generator : IDisposable
    {
        ulong s0, s1, s2, s3;
        long initialSeed;
        double? spareNormal;

        /// <summary>A generator seeded with <paramref name="seed"/>.</summary>
        public Generator(ulong seed = 0, Device? device = null) { Reseed((long)seed); }

        /// <summary>
        /// The generator torch.rand, randn, randint, randperm and the in-place samplers use by default. Like PyTorch's,
        /// it starts from the fixed seed 67280421310721, so a program that never seeds still repeats run to run.
        /// </summary>
        public static Generator Default { get; } = new(67280421310721);

        /// <summary>Always the CPU.</summary>
        public Device device => CPU;

        internal object Lock => this;

        /// <summary>Restarts the stream from <paramref name="seed"/>; returns this generator.</summary>
        public Generator manual_seed(long seed)
        {
            lock (Lock) Reseed(seed);
            return this;
        }

        /// <summary>Seeds from the clock and returns the seed used.</summary>
        public long seed()
        {
            long s = DateTime.UtcNow.Ticks;
            manual_seed(s);
            return s;
        }

        /// <summary>The seed the current stream started from.</summary>
        public long initial_seed() => initialSeed;

        /// <summary>
        /// The generator's exact position as a uint8 tensor (the xoshiro state, the initial seed and the spare normal
        /// draw), to hand back to <see cref="set_state"/> later and repeat the same stream from here.
        /// </summary>
        public Tensor get_state()
        {
            var bytes = new byte[StateBytes];
            lock (Lock)
            {
                var words = new[] { s0, s1, s2, s3, (ulong)initialSeed, spareNormal is null ? 0UL : 1UL,
                                    BitConverter.DoubleToUInt64Bits(spareNormal ?? 0) };
                for (int i = 0; i < words.Length; i++) BitConverter.TryWriteBytes(bytes.AsSpan(8 * i), words[i]);
            }
            return tensor(bytes);
        }

        /// <summary>Restores a position saved by <see cref="get_state"/>; returns this generator.</summary>
        /// <exception cref="ArgumentException">The tensor is not a state this engine saved.</exception>
        public Generator set_state(Tensor state)
        {
            if (state.dtype != ScalarType.Byte || state.numel() != StateBytes)
                throw new ArgumentException($"set_state: expected a uint8 tensor of {StateBytes} bytes from get_state(), " +
                                            $"got {state.dtype} with shape [{string.Join(", ", state.shape)}]");
            var bytes = state.data<byte>().ToArray();
            ulong Word(int i) => BitConverter.ToUInt64(bytes, 8 * i);
            lock (Lock)
            {
                (s0, s1, s2, s3) = (Word(0), Word(1), Word(2), Word(3));
                initialSeed = (long)Word(4);
                spareNormal = Word(5) == 0 ? null : BitConverter.UInt64BitsToDouble(Word(6));
            }
            return this;
        }

        const int StateBytes = 7 * 8;

        /// <summary>Does nothing: the generator holds no native resources.</summary>
        public void Dispose() { }

        void Reseed(long seed)
        {
            initialSeed = seed;
            spareNormal = null;
            // splitmix64 spreads any seed (even 0) over the 256-bit state, which must not be all zeros.
            ulong x = (ulong)seed;
            s0 = SplitMix(ref x); s1 = SplitMix(ref x); s2 = SplitMix(ref x); s3 = SplitMix(ref x);

            static ulong SplitMix(ref ulong x)
            {
                ulong z = x += 0x9E3779B97F4A7C15;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
                return z ^ (z >> 31);
            }
        }

        /// <summary>The next 64 random bits (xoshiro256**). Callers hold <see cref="Lock"/>.</summary>
        internal ulong NextUInt64()
        {
            ulong result = ulong.RotateLeft(s1 * 5, 7) * 9;
            ulong t = s1 << 17;
            s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3;
            s2 ^= t;
            s3 = ulong.RotateLeft(s3, 45);
            return result;
        }

        /// <summary>Uniform in [0, 1): the top 53 bits scaled by 2^-53, so 1 is never returned.</summary>
        internal double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        /// <summary>Uniform integer in [0, n) without modulo bias (rejects the short last block).</summary>
        internal ulong NextBelow(ulong n)
        {
            ulong limit = ulong.MaxValue - ulong.MaxValue % n;
            ulong r;
            do r = NextUInt64(); while (r >= limit);
            return r % n;
        }

        /// <summary>
        /// Standard normal by Box-Muller: with u1, u2 uniform, r = sqrt(-2 ln u1) gives
        /// z0 = r cos(2π u2) and z1 = r sin(2π u2), two independent N(0, 1) draws (z1 is kept for the next call).
        /// </summary>
        internal double NextNormal()
        {
            if (spareNormal is { } spare) { spareNormal = null; return spare; }
            double u1 = 1.0 - NextDouble(); // in (0, 1], so the log is finite
            double u2 = NextDouble();
            double r = Math.Sqrt(-2.0 * Math.Log(u1));
            spareNormal = r * Math.Sin(2 * Math.PI * u2);
            return r * Math.Cos(2 * Math.PI * u2);
        }
    }

    /// <summary>Seeding and state of the default generator, as <c>torch.random</c>.</summary>
    public static partial class random
    {
        /// <summary>Seeds the default generator so rand, randn, randint, randperm, uniform_ and normal_ repeat; returns it.</summary>
        public static Generator manual_seed(long seed) => Generator.Default.manual_seed(seed);

        /// <summary>Seeds the default generator from the clock; returns the seed.</summary>
        public static long seed() => Generator.Default.seed();

        /// <summary>The seed the default generator started from.</summary>
        public static long initial_seed() => Generator.Default.initial_seed();

        /// <summary>The default generator's exact position (see <see cref="Generator.get_state"/>).</summary>
        public static Tensor get_rng_state() => Generator.Default.get_state();

        /// <summary>Restores the default generator to a position saved by <see cref="get_rng_state"/>.</summary>
        public static void set_rng_state(Tensor new_state) => Generator.Default.set_state(new_state);
    }

    /// <summary>Seeds the default generator (same as <see cref="random.manual_seed"/>).</summary>
    public static Generator manual_seed(long seed) => random.manual_seed(seed);

    /// <summary>Seeds the default generator from the clock; returns the seed.</summary>
    public static long seed() => random.seed();

    /// <summary>The seed the default generator started from.</summary>
    public static long initial_seed() => random.initial_seed();
}
