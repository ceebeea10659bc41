namespace Course.Torch;

/// <summary>
/// The entry point, shaped like TorchSharp's <c>torch</c>: tensor factories, math, autograd and the nested
/// <c>nn</c>, <c>optim</c> and <c>linalg</c> classes. Notebooks write <c>using static Course.Torch.torch;</c>.
/// </summary>
public static partial class torch
{
}
