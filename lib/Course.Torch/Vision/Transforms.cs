namespace Course.Torch;

using static torch;

public static partial class torchvision
{
    /// <summary>
    /// Image transforms on tensors ([C, H, W] or [N, C, H, W], float in [0, 1]); there is no PIL. Random transforms
    /// draw from torch's default generator, so <c>torch.manual_seed</c> makes augmentation repeatable.
    /// </summary>
    public static partial class transforms
    {
        sealed class FunctionTransform(Func<Tensor, Tensor> fn) : ITransform
        {
            public Tensor call(Tensor input) => fn(input);
        }

        /// <summary>A transform from a function.</summary>
        public static ITransform Lambda(Func<Tensor, Tensor> lambda) => new FunctionTransform(lambda);

        /// <summary>Applies <paramref name="transforms"/> one after another.</summary>
        public static ITransform Compose(params ITransform[] transforms) =>
            new FunctionTransform(input => transforms.Aggregate(input, (x, t) => t.call(x)));

        /// <summary>
        /// Per channel c: out = (x − means[c]) / stdevs[c]. The channel dimension is -3.
        /// </summary>
        /// <exception cref="ArgumentException">When the lengths differ, a stdev is 0, or the image's channel count differs (names the shape).</exception>
        public static ITransform Normalize(double[] means, double[] stdevs, bool inplace = false)
        {
            if (means.Length != stdevs.Length) throw new ArgumentException($"means and stdevs must be the same length in call to Normalize, got {means.Length} and {stdevs.Length}");
            if (stdevs.Any(s => s == 0)) throw new ArgumentException("Normalize: a standard deviation of 0 would divide by zero");
            var shape = new long[] { means.Length, 1, 1 };
            return new FunctionTransform(input =>
            {
                if (input.ndim < 3 || input.shape[^3] != means.Length)
                    throw new ArgumentException($"Normalize expects {means.Length} channels at dim -3, got an image of shape {ShapeString(input._shape)}");
                var mean = tensor(means, shape, input.dtype);
                var std = tensor(stdevs, shape, input.dtype);
                return inplace ? input.sub_(mean).div_(std) : (input - mean) / std;
            });
        }

        /// <summary>Mirrors the image left to right.</summary>
        public static ITransform HorizontalFlip() => new FunctionTransform(x => ImageOps.Flip(x, -1));

        /// <summary>Mirrors the image top to bottom.</summary>
        public static ITransform VerticalFlip() => new FunctionTransform(x => ImageOps.Flip(x, -2));

        /// <summary>Applies <paramref name="transform"/> with probability <paramref name="p"/>.</summary>
        public static ITransform Randomize(ITransform transform, double p = 0.1) =>
            new FunctionTransform(x => ImageOps.Uniform() < p ? transform.call(x) : x);

        /// <summary>Mirrors left to right with probability <paramref name="p"/>.</summary>
        public static ITransform RandomHorizontalFlip(double p = 0.5) => Randomize(HorizontalFlip(), p);

        /// <summary>Mirrors top to bottom with probability <paramref name="p"/>.</summary>
        public static ITransform RandomVerticalFlip(double p = 0.5) => Randomize(VerticalFlip(), p);

        /// <summary>The window of <paramref name="height"/>×<paramref name="width"/> at (top, left); outside the image reads 0.</summary>
        public static ITransform Crop(int top, int left, int height, int width) =>
            new FunctionTransform(x => ImageOps.Crop(x, top, left, height, width));

        /// <summary>
        /// The centred window: top = round((H − height) / 2), left = round((W − width) / 2) (halves to even, as Python);
        /// a window larger than the image is zero-padded, as torchvision does.
        /// </summary>
        public static ITransform CenterCrop(int height, int width) => new FunctionTransform(x =>
        {
            int top = (int)Math.Round((x.shape[^2] - height) / 2.0, MidpointRounding.ToEven);
            int left = (int)Math.Round((x.shape[^1] - width) / 2.0, MidpointRounding.ToEven);
            return ImageOps.Crop(x, top, left, height, width);
        });

        /// <summary>The centred <paramref name="size"/>×<paramref name="size"/> window.</summary>
        public static ITransform CenterCrop(int size) => CenterCrop(size, size);

        /// <summary>
        /// Pads every side with <paramref name="padding"/> zeros, then takes a <paramref name="height"/>×<paramref name="width"/>
        /// window at a uniformly random position (the usual CIFAR/MNIST shift augmentation).
        /// </summary>
        public static ITransform RandomCrop(int height, int width, int padding) => new FunctionTransform(x =>
        {
            int h = (int)x.shape[^2] + 2 * padding, w = (int)x.shape[^1] + 2 * padding;
            if (h < height || w < width)
                throw new ArgumentException($"RandomCrop: crop {height}x{width} is larger than the padded image {h}x{w} (input {ShapeString(x._shape)})");
            return ImageOps.Crop(x, ImageOps.Below(h - height) - padding, ImageOps.Below(w - width) - padding, height, width);
        });

        /// <summary>A random <paramref name="size"/>×<paramref name="size"/> window of the image padded by <paramref name="padding"/>.</summary>
        public static ITransform RandomCrop(int size, int padding = 0) => RandomCrop(size, size, padding);
    }
}
