using Course.Torch.Modules;
using static Course.Torch.torch;

namespace Course.Torch
{
    public static partial class torchvision
    {
        public static partial class models
        {
            /// <summary>ResNet-18: basic blocks [2, 2, 2, 2]; 11,689,512 parameters.</summary>
            public static ResNet resnet18(int num_classes = 1000, string? weights_file = null, bool skipfc = true, Device? device = null) =>
                Weights.Load(new ResNet("ResNet18", false, [2, 2, 2, 2], num_classes), weights_file, skipfc, "fc");

            /// <summary>ResNet-34: basic blocks [3, 4, 6, 3]; 21,797,672 parameters.</summary>
            public static ResNet resnet34(int num_classes = 1000, string? weights_file = null, bool skipfc = true, Device? device = null) =>
                Weights.Load(new ResNet("ResNet34", false, [3, 4, 6, 3], num_classes), weights_file, skipfc, "fc");

            /// <summary>ResNet-50: bottleneck blocks [3, 4, 6, 3]; 25,557,032 parameters.</summary>
            public static ResNet resnet50(int num_classes = 1000, string? weights_file = null, bool skipfc = true, Device? device = null) =>
                Weights.Load(new ResNet("ResNet50", true, [3, 4, 6, 3], num_classes), weights_file, skipfc, "fc");
        }
    }
}

namespace Course.Torch.Modules
{
    /// <summary>
    /// torchvision's ResNet (He et al. 2015): a 7×7 stride-2 stem and max pool, four stages of residual blocks
    /// y = relu(F(x) + shortcut(x)) whose first block halves the resolution (except stage 1), global average pool, fc.
    /// </summary>
    public sealed class ResNet : nn.Module<Tensor, Tensor>
    {
        readonly Conv2d conv1 = nn.Conv2d(3, 64, 7, stride: 2, padding: 3, bias: false);
        readonly BatchNorm2d bn1 = nn.BatchNorm2d(64);
        readonly ReLU relu = nn.ReLU(true);
        readonly MaxPool2d maxpool = nn.MaxPool2d(3, stride: 2, padding: 1);
        readonly Sequential layer1, layer2, layer3, layer4;
        readonly AdaptiveAvgPool2d avgpool = nn.AdaptiveAvgPool2d(1);
        readonly Linear fc;

        internal ResNet(string name, bool bottleneck, int[] blocks, int numClasses) : base(name)
        {
            int expansion = bottleneck ? 4 : 1;
            long inplanes = 64;
            Sequential Stage(long planes, int count, long stride)
            {
                var stage = new List<nn.Module>();
                for (int i = 0; i < count; i++)
                {
                    long s = i == 0 ? stride : 1;
                    var downsample = s != 1 || inplanes != planes * expansion
                        ? nn.Sequential(nn.Conv2d(inplanes, planes * expansion, 1, stride: s, bias: false), nn.BatchNorm2d(planes * expansion))
                        : null;
                    stage.Add(bottleneck ? new Bottleneck(inplanes, planes, s, downsample) : new BasicBlock(inplanes, planes, s, downsample));
                    inplanes = planes * expansion;
                }
                return nn.Sequential(stage);
            }
            layer1 = Stage(64, blocks[0], 1);
            layer2 = Stage(128, blocks[1], 2);
            layer3 = Stage(256, blocks[2], 2);
            layer4 = Stage(512, blocks[3], 2);
            fc = nn.Linear(512 * expansion, numClasses);
            RegisterComponents();

            // torchvision's init: He-normal (fan_out) for convolutions; batch norm starts as the identity (its default).
            using (no_grad())
                foreach (var conv in modules().OfType<Conv2d>())
                    nn.init.kaiming_normal_(conv.weight, mode: nn.init.FanInOut.FanOut, nonlinearity: nn.init.NonlinearityType.ReLU);
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input)
        {
            var x = maxpool.call(relu.call(bn1.call(conv1.call(input))));
            x = layer4.call(layer3.call(layer2.call(layer1.call(x))));
            return fc.call(avgpool.call(x).flatten(1));
        }
    }

    /// <summary>ResNet-18/34's block: two 3×3 convolutions; the shortcut is the identity or a 1×1 conv + BN.</summary>
    public sealed class BasicBlock : nn.Module<Tensor, Tensor>
    {
        readonly Conv2d conv1;
        readonly BatchNorm2d bn1;
        readonly ReLU relu = nn.ReLU(true);
        readonly Conv2d conv2;
        readonly BatchNorm2d bn2;
        readonly Sequential? downsample;

        internal BasicBlock(long inplanes, long planes, long stride, Sequential? downsample) : base("BasicBlock")
        {
            conv1 = nn.Conv2d(inplanes, planes, 3, stride: stride, padding: 1, bias: false);
            bn1 = nn.BatchNorm2d(planes);
            conv2 = nn.Conv2d(planes, planes, 3, padding: 1, bias: false);
            bn2 = nn.BatchNorm2d(planes);
            this.downsample = downsample;
            RegisterComponents();
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor x)
        {
            var y = bn2.call(conv2.call(relu.call(bn1.call(conv1.call(x)))));
            return relu.call(y + (downsample?.call(x) ?? x));
        }
    }

    /// <summary>ResNet-50's block (v1.5, stride on the 3×3): 1×1 reduce, 3×3, 1×1 expand by 4.</summary>
    public sealed class Bottleneck : nn.Module<Tensor, Tensor>
    {
        readonly Conv2d conv1;
        readonly BatchNorm2d bn1;
        readonly Conv2d conv2;
        readonly BatchNorm2d bn2;
        readonly Conv2d conv3;
        readonly BatchNorm2d bn3;
        readonly ReLU relu = nn.ReLU(true);
        readonly Sequential? downsample;

        internal Bottleneck(long inplanes, long planes, long stride, Sequential? downsample) : base("Bottleneck")
        {
            conv1 = nn.Conv2d(inplanes, planes, 1, bias: false);
            bn1 = nn.BatchNorm2d(planes);
            conv2 = nn.Conv2d(planes, planes, 3, stride: stride, padding: 1, bias: false);
            bn2 = nn.BatchNorm2d(planes);
            conv3 = nn.Conv2d(planes, planes * 4, 1, bias: false);
            bn3 = nn.BatchNorm2d(planes * 4);
            this.downsample = downsample;
            RegisterComponents();
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor x)
        {
            var y = relu.call(bn1.call(conv1.call(x)));
            y = relu.call(bn2.call(conv2.call(y)));
            y = bn3.call(conv3.call(y));
            return relu.call(y + (downsample?.call(x) ?? x));
        }
    }
}
