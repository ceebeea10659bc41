using System.Collections;

namespace Course.Torch.Modules
{
    using static Course.Torch.torch;

    /// <summary>A list of parameters registered under "0", "1", … (a module whose state_dict keys are the positions).</summary>
    public sealed class ParameterList : nn.Module, IEnumerable<Parameter>
    {
        readonly List<Parameter> items = new();

        internal ParameterList(IEnumerable<Parameter> parameters) : base(nameof(ParameterList))
        {
            foreach (var p in parameters) Add(p);
        }

        /// <summary>The parameter at <paramref name="index"/>; setting replaces it under the same name.</summary>
        public Parameter this[int index]
        {
            get => items[index];
            set { items[index] = value; register_parameter(index.ToString(), value); }
        }

        /// <summary>The number of parameters.</summary>
        public int Count => items.Count;

        /// <summary>Appends <paramref name="item"/> under the next position's name.</summary>
        public void Add(Parameter item)
        {
            register_parameter(items.Count.ToString(), item);
            items.Add(item);
        }

        /// <summary>Appends <paramref name="parameter"/> (PyTorch's name for <see cref="Add"/>).</summary>
        public void append(Parameter parameter) => Add(parameter);

        /// <summary>Appends every parameter of <paramref name="parameters"/>.</summary>
        public void extend(IEnumerable<Parameter> parameters)
        {
            foreach (var p in parameters) Add(p);
        }

        /// <summary>The parameters in order.</summary>
        public IEnumerator<Parameter> GetEnumerator() => items.GetEnumerator();

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
            /// <summary>A list of parameters named "0", "1", ….</summary>
            public static ParameterList ParameterList(params Parameter[] parameters) => new(parameters);
        }
    }
}
