namespace Course.Torch;

public static partial class torch
{
    [ThreadStatic] static bool gradDisabled;

    /// <summary>True unless inside a <see cref="no_grad"/> scope: ops record the graph only when this is on.</summary>
    public static bool is_grad_enabled() => !gradDisabled;

    /// <summary>Turns off graph recording until the returned scope is disposed: <c>using (torch.no_grad()) { … }</c>.</summary>
    public static IDisposable no_grad() => new GradModeScope(false);

    /// <summary>Turns graph recording on (or off, with <paramref name="enabled"/> false) until the scope is disposed.</summary>
    public static IDisposable enable_grad(bool enabled = true) => new GradModeScope(enabled);

    /// <summary>Sets graph recording to <paramref name="enabled"/> until the scope is disposed.</summary>
    public static IDisposable set_grad_enabled(bool enabled = true) => new GradModeScope(enabled);

    /// <summary>Like <see cref="no_grad"/> (this engine has no separate inference mode).</summary>
    public static IDisposable inference_mode(bool mode = true) => new GradModeScope(!mode);

    /// <summary>Restores the previous grad mode when disposed, so scopes nest.</summary>
    sealed class GradModeScope : IDisposable
    {
        readonly bool previousDisabled;
        bool disposed;

        public GradModeScope(bool enabled)
        {
            previousDisabled = gradDisabled;
            gradDisabled = !enabled;
        }

        public void Dispose()
        {
            if (disposed) return;
            gradDisabled = previousDisabled;
            disposed = true;
        }
    }
}
