namespace Course.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// A module that runs hooks around its forward pass, with TorchSharp's names and shapes. A pre-hook sees the
        /// input before <c>forward</c> (and may replace it by returning non-null); a post-hook sees input and output
        /// (and may replace the output). Hooks run only through <c>call(...)</c>, never through <c>forward(...)</c>,
        /// exactly as in TorchSharp; Course.Kit's model summary uses them to record each layer's output shape.
        /// </summary>
        /// <typeparam name="TPreHook">The typed pre-hook delegate of the derived module.</typeparam>
        /// <typeparam name="TPostHook">The typed post-hook delegate of the derived module.</typeparam>
        public abstract class HookableModule<TPreHook, TPostHook> : Module
            where TPreHook : Delegate where TPostHook : Delegate
        {
            // Insertion-ordered, so hooks run in the order they were registered (as PyTorch runs them).
            private protected readonly List<(object key, TPreHook hook)> pre_hooks = [];
            private protected readonly List<(object key, TPostHook hook)> post_hooks = [];
            private protected readonly List<(object key, Action<Module> hook)> module_pre_hooks = [];
            private protected readonly List<(object key, Action<Module> hook)> module_post_hooks = [];

            /// <summary>Creates a module with a name.</summary>
            protected HookableModule(string name) : base(name) { }

            /// <summary>Runs <paramref name="hook"/> after every <c>call</c>, with the input and output.</summary>
            /// <returns>A handle whose <c>remove()</c> unregisters the hook.</returns>
            public HookRemover register_forward_hook(TPostHook hook) => Add(post_hooks, hook);

            /// <summary>Runs <paramref name="hook"/> before every <c>call</c>, with the input.</summary>
            public HookRemover register_forward_pre_hook(TPreHook hook) => Add(pre_hooks, hook);

            /// <summary>Runs <paramref name="hook"/> with the module after every <c>call</c>.</summary>
            public HookRemover register_forward_hook(Action<Module> hook) => Add(module_post_hooks, hook);

            /// <summary>Runs <paramref name="hook"/> with the module before every <c>call</c>.</summary>
            public HookRemover register_forward_pre_hook(Action<Module> hook) => Add(module_pre_hooks, hook);

            HookRemover Add<THook>(List<(object key, THook hook)> hooks, THook hook)
            {
                var key = new object();
                hooks.Add((key, hook));
                return new HookRemover(() =>
                {
                    pre_hooks.RemoveAll(h => h.key == key);
                    post_hooks.RemoveAll(h => h.key == key);
                    module_pre_hooks.RemoveAll(h => h.key == key);
                    module_post_hooks.RemoveAll(h => h.key == key);
                });
            }

            /// <summary>Unregisters one hook, following PyTorch's <c>RemovableHandle.remove()</c>.</summary>
            public sealed class HookRemover
            {
                readonly Action removeHook;

                internal HookRemover(Action removeHook) => this.removeHook = removeHook;

                /// <summary>Unregisters the hook; calling it again does nothing.</summary>
                public void remove() => removeHook();
            }
        }
    }
}
