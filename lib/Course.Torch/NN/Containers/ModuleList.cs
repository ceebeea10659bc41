using System.Collections;

namespace Course.Torch.Modules
{
    using static Course.Torch.torch;

    /// <summary>
    /// A list of child modules named "0", "1", … by position (so their parameters appear in <c>parameters()</c> and
    /// <c>state_dict</c>), with no forward of its own: the owner decides how to call them.
    /// </summary>
    public sealed class ModuleList<T> : nn.Module, IList<T> where T : nn.Module
    {
        readonly List<T> items = new();

        internal ModuleList(IEnumerable<T> modules) : base("ModuleList")
        {
            foreach (var m in modules) Add(m);
        }

        /// <summary>The module at <paramref name="index"/>; setting replaces it.</summary>
        public T this[int index]
        {
            get => items[index];
            set => items[index] = value;
        }

        /// <summary>The number of modules.</summary>
        public int Count => items.Count;

        /// <summary>False: modules can be added and removed.</summary>
        public bool IsReadOnly => false;

        /// <summary>The children named by their current positions, so keys stay "0", "1", … after inserts and removals.</summary>
        public override IEnumerable<(string name, nn.Module module)> named_children() =>
            items.Select((m, i) => (i.ToString(), (nn.Module)m));

        /// <summary>Appends <paramref name="item"/>.</summary>
        public void Add(T item) => items.Add(item);

        /// <summary>Appends <paramref name="module"/> (PyTorch's name for <see cref="Add"/>).</summary>
        public void append(T module) => Add(module);

        /// <summary>Appends every module of <paramref name="modules"/>.</summary>
        public void extend(IEnumerable<T> modules) => items.AddRange(modules);

        /// <summary>Inserts <paramref name="item"/> at <paramref name="index"/>; later modules move up one name.</summary>
        public void Insert(int index, T item) => items.Insert(index, item);

        /// <summary>Removes the module at <paramref name="index"/>; later modules move down one name.</summary>
        public void RemoveAt(int index) => items.RemoveAt(index);

        /// <summary>Removes <paramref name="item"/>; returns false if it was not in the list.</summary>
        public bool Remove(T item) => items.Remove(item);

        /// <summary>Removes every module.</summary>
        public void Clear() => items.Clear();

        /// <summary>True if <paramref name="item"/> is in the list.</summary>
        public bool Contains(T item) => items.Contains(item);

        /// <summary>Position of <paramref name="item"/>, or -1.</summary>
        public int IndexOf(T item) => items.IndexOf(item);

        /// <summary>Copies the modules into <paramref name="array"/> from <paramref name="arrayIndex"/>.</summary>
        public void CopyTo(T[] array, int arrayIndex) => items.CopyTo(array, arrayIndex);

        /// <summary>The modules in order.</summary>
        public IEnumerator<T> GetEnumerator() => items.GetEnumerator();

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
            /// <summary>A list of modules named "0", "1", ….</summary>
            public static ModuleList<Module> ModuleList(params Module[] modules) => new(modules);

            /// <summary>A typed list of modules named "0", "1", ….</summary>
            public static ModuleList<T> ModuleList<T>(params T[] modules) where T : Module => new(modules);
        }
    }
}
