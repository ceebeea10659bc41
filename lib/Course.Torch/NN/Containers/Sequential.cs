namespace Course.Torch.Modules
{
    using static Course.Torch.torch;

    /// <summary>
    /// A chain of one-input modules: forward(x) = mₙ(…m₂(m₁(x))). Children are named "0", "1", … unless given names,
    /// so state_dict keys read "0.weight", "2.bias" as in PyTorch.
    /// </summary>
    public sealed class Sequential : nn.Module<Tensor, Tensor>
    {
        readonly List<(string name, nn.Module<Tensor, Tensor> module)> layers = new();

        internal Sequential() : base(nameof(Sequential)) { }

        /// <summary>The number of modules in the chain.</summary>
        public int Count => layers.Count;

        /// <summary>The module at position <paramref name="idx"/> (negative counts from the end).</summary>
        public nn.Module<Tensor, Tensor> this[int idx] => layers[idx < 0 ? idx + layers.Count : idx].module;

        /// <summary>A new Sequential holding the modules in <paramref name="range"/>, under their names.</summary>
        public Sequential this[Range range]
        {
            get
            {
                var result = new Sequential();
                foreach (var (name, module) in layers.Take(range)) result.append(name, module);
                return result;
            }
        }

        /// <summary>Adds <paramref name="module"/> at the end under the next position's name.</summary>
        public Sequential append(nn.Module module) => append(layers.Count.ToString(), module);

        /// <summary>Adds <paramref name="module"/> at the end under <paramref name="name"/>.</summary>
        /// <exception cref="ArgumentException">When the module does not map one tensor to one tensor.</exception>
        public Sequential append(string name, nn.Module module)
        {
            if (module is not nn.Module<Tensor, Tensor> layer)
                throw new ArgumentException($"Sequential can only hold modules that map a Tensor to a Tensor, got {module.GetType().Name} ('{name}')");
            register_module(name, layer);
            layers.Add((name, layer));
            return this;
        }

        /// <inheritdoc/>
        public override Tensor forward(Tensor input)
        {
            var x = input;
            foreach (var (_, layer) in layers) x = layer.call(x);
            return x;
        }
    }
}

namespace Course.Torch
{
    using Course.Torch.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>An empty Sequential; add modules with <c>append</c>.</summary>
            public static Sequential Sequential() => new();

            /// <summary>A Sequential of named modules, in order.</summary>
            public static Sequential Sequential(params (string name, Module module)[] modules) => Sequential((IEnumerable<(string, Module)>)modules);

            /// <summary>A Sequential of modules named "0", "1", ….</summary>
            public static Sequential Sequential(params Module[] modules) => Sequential((IEnumerable<Module>)modules);

            /// <summary>A Sequential of named modules, in order.</summary>
            public static Sequential Sequential(params Tuple<string, Module>[] modules) => Sequential(modules.Select(t => (t.Item1, t.Item2)));

            /// <summary>A Sequential of named modules, in order.</summary>
            public static Sequential Sequential(IEnumerable<(string name, Module module)> modules)
            {
                var result = new Sequential();
                foreach (var (name, module) in modules) result.append(name, module);
                return result;
            }

            /// <summary>A Sequential of named modules, in order.</summary>
            public static Sequential Sequential(IEnumerable<Tuple<string, Module>> modules) => Sequential(modules.Select(t => (t.Item1, t.Item2)));

            /// <summary>A Sequential of modules named "0", "1", ….</summary>
            public static Sequential Sequential(IEnumerable<Module> modules)
            {
                var result = new Sequential();
                foreach (var module in modules) result.append(module);
                return result;
            }
        }
    }
}
