namespace Course.Torch;

public static partial class torchvision
{
    /// <summary>An image transform: takes a [C, H, W] (or [N, C, H, W]) tensor and returns the transformed tensor.</summary>
    public interface ITransform
    {
        /// <summary>Applies the transform.</summary>
        torch.Tensor call(torch.Tensor input);
    }
}
