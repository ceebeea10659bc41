using Course.Torch.Modules;
using static Course.Torch.torch;

namespace Course.Torch
{
    public static partial class torchvision
    {
        public static partial class models
        {
            /// <summary>VGG-11 (configuration A): 132,863,336 parameters.</summary>
            public static VGG vgg11(int num_classes = 1000, float dropout = 0.5f, string? weights_file = null, bool skipfc = true, Device? device = null) => Vgg(VGG.A, false, num_classes, dropout, weights_file, skipfc);
            /// <summary>VGG-11 with batch norm.</summary>
            public static VGG vgg11_bn(int num_classes = 1000, float dropout = 0.5f, string? weights_file = null, bool skipfc = true, Device? device = null) => Vgg(VGG.A, true, num_classes, dropout, weights_file, skipfc);
            /// <summary>VGG-13 (configuration B).</summary>
            public static VGG vgg13(int num_classes = 1000, float dropout = 0.5f, string? weights_file = null, bool skipfc = true, Device? device = null) => Vgg(VGG.B, false, num_classes, dropout, weights_file, skipfc);
            /// <summary>VGG-13 with batch norm.</summary>
            public static VGG vgg13_bn(int num_classes = 1000, float dropout = 0.5f, string? weights_file = null, bool skipfc = true, Device? device = null) => Vgg(VGG.B, true, num_classes, dropout, weights_file, skipfc);
            /// <summary>VGG-16 (configuration D): 138,357,544 parameters.</summary>
            public static VGG vgg16(int num_classes = 1000, float dropout = 0.5f, string? weights_file = null, bool skipfc = true, Device? device = null) => Vgg(VGG.D, false, num_classes, dropout, weights_file, skipfc);
            /// <summary>VGG-16 with batch norm: 138,365,992 parameters.</summary>
            public static VGG vgg16_bn(int num_classes = 1000, float dropout = 0.5f, string? weights_file = null, bool skipfc = true, Device? device = null) => Vgg(VGG.D, true, num_classes, dropout, weights_file, skipfc);
            /// <summary>VGG-19 (configuration E): 143,667,240 parameters.</summary>
            public static VGG vgg19(int num_classes = 1000, float dropout = 0.5f, string? weights_file = null, bool skipfc = true, Device? device = null) => Vgg(VGG.E, false, num_classes, dropout, weights_file, skipfc);
            /// <summary>VGG-19 with batch norm.</summary>
            public static VGG vgg19_bn(int num_classes = 1000, float dropout = 0.5f, string? weights_file = null, bool skipfc = true, Device? device = null) => Vgg(VGG.E, true, num_classes, dropout, weights_file, skipfc);

            static VGG Vgg(int[] config, bool batchNorm, int numClasses, float dropout, string? weightsFile, bool skipfc) =>
                Weights.Load(new VGG(config, batchNorm, numClasses, dropout), weightsFile, skipfc, "classifier.6");
        }
    }
}

namespace Course.Torch.Modules
{
    /// <summary>
    /// torchvision's VGG (Simonyan and Zisserman 2014): stacks of 3×3 convolutions (padding 1) with ReLU, 2×2 max pools
    /// between stages, then a 3-layer classifier on 512·7·7 features.
    /// </summary>
    public sealed class VGG : nn.Module<Tensor, Tensor>
    {
        /// <summary>Channel counts per conv layer; <see cref="Pool"/> marks a 2×2 max pool. Configurations from the paper.</summary>
        internal const int Pool = 0;
        internal static readonly int[] A = [64, Pool, 128, Pool, 256, 256, Pool, 512, 512, Pool, 512, 512, Pool];
        internal static readonly int[] B = [64, 64, Pool, 128, 128, Pool, 256, 256, Pool, 512, 512, Pool, 512, 512, Pool];
        internal static readonly int[] D = [64, 64, Pool, 128, 128, Pool, 256, 256, 256, Pool, 512, 512, 512, Pool, 512, 512, 512, Pool];
        internal static readonly int[] E = [64, 64, Pool, 128, 128, Pool, 256, 256, 256, 256, Pool, 512, 512, 512, 512, Pool, 512, 512, 512, 512, Pool];

        readonly Sequential features;
        readonly AdaptiveAvgPool2d avgpool = nn.AdaptiveAvgPool2d(7);
        readonly Sequential classifier;

        internal VGG(int[] config, bool batchNorm, int numClasses, float dropout) : base("VGG")
        {
            var layers = new List<nn.Module>();
            long channels = 3;
            foreach (var width in config)
            {
                if (width == Pool) { layers.Add(nn.MaxPool2d(2, stride: 2)); continue; }
                layers.Add(nn.Conv2d(channels, width, 3, padding: 1));
                if (batchNorm) layers.Add(nn.BatchNorm2d(width));
                layers.Add(nn.ReLU(true));
                channels = width;
            }
            features = nn.Sequential(layers);
            classifier = nn.Sequential(
                nn.Linear(512 * 7 * 7, 4096), nn.ReLU(true), nn.Dropout(dropout),
                nn.Linear(4096, 4096), nn.ReLU(true), nn.Dropout(dropout),
                nn.Linear(4096, numClasses));
            RegisterComponents();
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => classifier.call(avgpool.call(features.call(input)).flatten(1));
    }
}
