using System.Collections;

namespace Course.Torch.Modules
{
    using static Course.Torch.torch;

    /// <summary>Child modules by name, in insertion order; each child's state_dict keys start with its key.</summary>
    public sealed class ModuleDict<T> : nn.Module, IEnumerable<(string, T)> where T : nn.Module
    {
        readonly List<(string key, T module)> entries = new();

        internal ModuleDict(IEnumerable<(string, T)> modules) : base("ModuleDict")
        {
            foreach (var (key, m) in modules) Add(key, m);
        }

        /// <summary>The module under <paramref name="key"/>; setting adds or replaces it.</summary>
        /// <exception cref="KeyNotFoundException">When getting a missing key.</exception>
        public T this[string key]
        {
            get
            {
                foreach (var (k, m) in entries) if (k == key) return m;
                throw new KeyNotFoundException($"ModuleDict has no module named '{key}'");
            }
            set => Add(key, value);
        }

        /// <summary>The entry at position <paramref name="index"/>.</summary>
        public (string, T) this[int index] => entries[index];

        /// <summary>The number of modules.</summary>
        public int Count => entries.Count;

        /// <summary>The keys in insertion order.</summary>
        public IEnumerable<string> keys() => entries.Select(i => i.key);

        /// <summary>The modules in insertion order.</summary>
        public IEnumerable<T> values() => entries.Select(i => i.module);

        /// <summary>The (key, module) pairs in insertion order.</summary>
        public IEnumerable<(string, T)> items() => entries.Select(i => (i.key, i.module));

        /// <summary>True if a module is registered under <paramref name="key"/>.</summary>
        public bool ContainsKey(string key) => entries.Any(i => i.key == key);

        /// <summary>The children under their keys, in insertion order.</summary>
        public override IEnumerable<(string name, nn.Module module)> named_children() =>
            entries.Select(e => (e.key, (nn.Module)e.module));

        /// <summary>Adds <paramref name="module"/> under <paramref name="key"/>, replacing an existing entry in place.</summary>
        /// <exception cref="ArgumentException">For an empty or dotted key.</exception>
        public void Add(string key, T module)
        {
            if (string.IsNullOrEmpty(key) || key.Contains('.'))
                throw new ArgumentException($"Module name can't be empty or contain \".\", got: \"{key}\" in ModuleDict");
            var at = entries.FindIndex(i => i.key == key);
            if (at >= 0) entries[at] = (key, module); else entries.Add((key, module));
        }

        /// <summary>Removes the module under <paramref name="key"/>; returns false if there was none.</summary>
        public bool Remove(string key) => entries.RemoveAll(e => e.key == key) > 0;

        /// <summary>Adds a (key, module) pair.</summary>
        public void Add((string, T) item) => Add(item.Item1, item.Item2);

        /// <summary>The (key, module) pairs in insertion order.</summary>
        public IEnumerator<(string, T)> GetEnumerator() => items().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

namespace Course.Torch
{
    using Course.Torch.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>Modules by name, in the given order.</summary>
            public static ModuleDict<Module> ModuleDict(params (string, Module)[] modules) => new(modules);

            /// <summary>Typed modules by name, in the given order.</summary>
            public static ModuleDict<T> ModuleDict<T>(params (string, T)[] modules) where T : Module => new(modules);
        }
    }
}
