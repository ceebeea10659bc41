using Course.Torch.Modules;
using static Course.Torch.torch;

namespace Course.Torch
{
    public static partial class torchvision
    {
        public static partial class models
        {
            /// <summary>
            /// GoogLeNet (Szegedy et al. 2014, Inception v1) as torchvision builds it, without the auxiliary classifiers:
            /// 6,624,904 parameters for 1000 classes.
            /// </summary>
            public static GoogLeNet googlenet(int num_classes = 1000, float dropout = 0.2f, string? weights_file = null, bool skipfc = true, Device? device = null) =>
                Weights.Load(new GoogLeNet(num_classes, dropout), weights_file, skipfc, "fc");
        }
    }
}

namespace Course.Torch.Modules
{
    /// <summary>torchvision's GoogLeNet: a conv stem, nine Inception blocks in three stages, global pool, dropout, fc.</summary>
    public sealed class GoogLeNet : nn.Module<Tensor, Tensor>
    {
        readonly BasicConv2d conv1 = new(3, 64, 7, stride: 2, padding: 3);
        readonly MaxPool2d maxpool1 = nn.MaxPool2d(3, stride: 2, ceil_mode: true);
        readonly BasicConv2d conv2 = new(64, 64, 1);
        readonly BasicConv2d conv3 = new(64, 192, 3, padding: 1);
        readonly MaxPool2d maxpool2 = nn.MaxPool2d(3, stride: 2, ceil_mode: true);
        readonly Inception inception3a = new(192, 64, 96, 128, 16, 32, 32);
        readonly Inception inception3b = new(256, 128, 128, 192, 32, 96, 64);
        readonly MaxPool2d maxpool3 = nn.MaxPool2d(3, stride: 2, ceil_mode: true);
        readonly Inception inception4a = new(480, 192, 96, 208, 16, 48, 64);
        readonly Inception inception4b = new(512, 160, 112, 224, 24, 64, 64);
        readonly Inception inception4c = new(512, 128, 128, 256, 24, 64, 64);
        readonly Inception inception4d = new(512, 112, 144, 288, 32, 64, 64);
        readonly Inception inception4e = new(528, 256, 160, 320, 32, 128, 128);
        readonly MaxPool2d maxpool4 = nn.MaxPool2d(2, stride: 2, ceil_mode: true);
        readonly Inception inception5a = new(832, 256, 160, 320, 32, 128, 128);
        readonly Inception inception5b = new(832, 384, 192, 384, 48, 128, 128);
        readonly AdaptiveAvgPool2d avgpool = nn.AdaptiveAvgPool2d(1);
        readonly Dropout dropout;
        readonly Linear fc;

        internal GoogLeNet(int numClasses, float dropout) : base("GoogLeNet")
        {
            this.dropout = nn.Dropout(dropout);
            fc = nn.Linear(1024, numClasses);
            RegisterComponents();
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input)
        {
            var x = maxpool2.call(conv3.call(conv2.call(maxpool1.call(conv1.call(input)))));
            x = maxpool3.call(inception3b.call(inception3a.call(x)));
            x = inception4c.call(inception4b.call(inception4a.call(x)));
            x = maxpool4.call(inception4e.call(inception4d.call(x)));
            x = inception5b.call(inception5a.call(x));
            return fc.call(dropout.call(avgpool.call(x).flatten(1)));
        }
    }

    /// <summary>
    /// An Inception block: four parallel branches (1×1; 1×1 then 3×3; 1×1 then another 3×3 — torchvision's stand-in for
    /// the paper's 5×5; 3×3 max pool then 1×1) concatenated along channels.
    /// </summary>
    public sealed class Inception : nn.Module<Tensor, Tensor>
    {
        readonly BasicConv2d branch1;
        readonly Sequential branch2, branch3, branch4;

        internal Inception(long inChannels, long ch1x1, long ch3x3red, long ch3x3, long ch5x5red, long ch5x5, long poolProj) : base("Inception")
        {
            branch1 = new BasicConv2d(inChannels, ch1x1, 1);
            branch2 = nn.Sequential(new BasicConv2d(inChannels, ch3x3red, 1), new BasicConv2d(ch3x3red, ch3x3, 3, padding: 1));
            branch3 = nn.Sequential(new BasicConv2d(inChannels, ch5x5red, 1), new BasicConv2d(ch5x5red, ch5x5, 3, padding: 1));
            branch4 = nn.Sequential(nn.MaxPool2d(3, stride: 1, padding: 1, ceil_mode: true), new BasicConv2d(inChannels, poolProj, 1));
            RegisterComponents();
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor x) =>
            cat([branch1.call(x), branch2.call(x), branch3.call(x), branch4.call(x)], 1);
    }

    /// <summary>Convolution without bias, batch norm (eps 0.001, as torchvision's GoogLeNet), ReLU.</summary>
    public sealed class BasicConv2d : nn.Module<Tensor, Tensor>
    {
        readonly Conv2d conv;
        readonly BatchNorm2d bn;

        internal BasicConv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0) : base("BasicConv2d")
        {
            conv = nn.Conv2d(inChannels, outChannels, kernelSize, stride: stride, padding: padding, bias: false);
            bn = nn.BatchNorm2d(outChannels, eps: 0.001);
            RegisterComponents();
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor x) => bn.call(conv.call(x)).relu();
    }
}
