using Course.Torch.Modules;
using static Course.Torch.torch;

namespace Course.Torch
{
    public static partial class torchvision
    {
        /// <summary>The classic CNN families with torchvision's structure, so state_dict keys and parameter counts match.</summary>
        public static partial class models
        {
            /// <summary>
            /// AlexNet (Krizhevsky et al. 2012) as torchvision builds it: 5 conv layers, then a 3-layer classifier on 256·6·6
            /// features; 61,100,840 parameters for 1000 classes. <paramref name="weights_file"/> loads TorchSharp-format weights;
            /// with <paramref name="skipfc"/> the last layer's weights are not loaded (so a new head can be trained).
            /// </summary>
            public static Modules.AlexNet alexnet(int num_classes = 1000, float dropout = 0.5f, string? weights_file = null, bool skipfc = true, Device? device = null) =>
                Weights.Load(new Modules.AlexNet(num_classes, dropout), weights_file, skipfc, "classifier.6");
        }

        /// <summary>Loading optional pretrained weights into a freshly built model.</summary>
        static class Weights
        {
            public static T Load<T>(T model, string? weightsFile, bool skipHead, string headName) where T : nn.Module
            {
                if (weightsFile is null) return model;
                var skip = skipHead ? new[] { headName + ".weight", headName + ".bias" } : [];
                model.load(weightsFile, strict: true, skip: skip);
                return model;
            }
        }
    }
}

namespace Course.Torch.Modules
{
    /// <summary>torchvision's AlexNet: features → adaptive 6×6 average pool → classifier.</summary>
    public sealed class AlexNet : nn.Module<Tensor, Tensor>
    {
        readonly Sequential features;
        readonly AdaptiveAvgPool2d avgpool = nn.AdaptiveAvgPool2d(6);
        readonly Sequential classifier;

        internal AlexNet(int numClasses, float dropout) : base("AlexNet")
        {
            features = nn.Sequential(
                nn.Conv2d(3, 64, 11, stride: 4, padding: 2), nn.ReLU(true), nn.MaxPool2d(3, stride: 2),
                nn.Conv2d(64, 192, 5, padding: 2), nn.ReLU(true), nn.MaxPool2d(3, stride: 2),
                nn.Conv2d(192, 384, 3, padding: 1), nn.ReLU(true),
                nn.Conv2d(384, 256, 3, padding: 1), nn.ReLU(true),
                nn.Conv2d(256, 256, 3, padding: 1), nn.ReLU(true), nn.MaxPool2d(3, stride: 2));
            classifier = nn.Sequential(
                nn.Dropout(dropout), nn.Linear(256 * 6 * 6, 4096), nn.ReLU(true),
                nn.Dropout(dropout), nn.Linear(4096, 4096), nn.ReLU(true),
                nn.Linear(4096, numClasses));
            RegisterComponents();
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input) => classifier.call(avgpool.call(features.call(input)).flatten(1));
    }
}
