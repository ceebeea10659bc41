using System.Reflection;
using Course.Torch.Modules;

namespace Course.Torch;

public static partial class torch
{
    /// <summary>Neural-network building blocks: modules, layers, losses and <c>nn.functional</c>.</summary>
    public static partial class nn
    {
        /// <summary>
        /// The base of every layer and model. A module owns parameters (learnable tensors), buffers (state such as
        /// running means) and child modules, each under a name; names join with dots into <c>state_dict</c> keys
        /// ("features.0.weight"). Subclasses declare them as fields and call <see cref="RegisterComponents"/>.
        /// </summary>
        public abstract partial class Module : IDisposable
        {
            readonly Dictionary<string, Parameter?> parametersByName = new();
            readonly Dictionary<string, Tensor?> buffersByName = new();
            readonly HashSet<string> nonPersistentBuffers = new();
            readonly Dictionary<string, Module> childrenByName = new();

            /// <summary>Creates a module with a name (TorchSharp shows it in summaries).</summary>
            protected Module(string name) { this.name = name; }

            /// <summary>The module's name as given to its constructor.</summary>
            public string name { get; }

            /// <summary>The module's name (TorchSharp's accessor).</summary>
            public string GetName() => name;

            /// <summary>True in training mode (dropout active, batch norm using batch statistics).</summary>
            public bool training { get; private set; } = true;

            /// <summary>
            /// Registers this object's fields by their names: <see cref="Module"/> fields as children,
            /// <see cref="Parameter"/> fields as parameters and other <see cref="Tensor"/> fields as buffers.
            /// Call it at the end of the constructor, after every field is assigned.
            /// </summary>
            protected virtual void RegisterComponents()
            {
                foreach (var field in ComponentFields())
                {
                    var value = field.GetValue(this);
                    var key = field.Name;
                    switch (value)
                    {
                        case Module child when !childrenByName.ContainsKey(key): register_module(key, child); break;
                        case Modules.Parameter p when !parametersByName.ContainsKey(key): register_parameter(key, p); break;
                        case Tensor t and not Modules.Parameter when !buffersByName.ContainsKey(key): register_buffer(key, t); break;
                    }
                }
            }

            /// <summary>Instance fields from the base-most class down, in declaration order, skipping compiler-generated ones.</summary>
            IEnumerable<FieldInfo> ComponentFields()
            {
                var types = new Stack<Type>();
                for (var t = GetType(); t != typeof(Module) && t is not null; t = t.BaseType) types.Push(t);
                const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
                return types.SelectMany(t => t.GetFields(flags)).Where(f => !f.Name.Contains('<'));
            }

            /// <summary>Adds a child module under <paramref name="name"/>.</summary>
            /// <exception cref="ArgumentException">For an empty or dotted name, or one already used by a parameter or buffer.</exception>
            public void register_module(string name, Module submodule)
            {
                CheckNewName(name, childrenByName);
                childrenByName[name] = submodule;
            }

            /// <summary>Adds a parameter under <paramref name="name"/> (null reserves the name, as PyTorch's bias=None).</summary>
            public void register_parameter(string name, Parameter? param)
            {
                CheckNewName(name, parametersByName);
                parametersByName[name] = param;
            }

            /// <summary>Adds a buffer: state saved in <c>state_dict</c> (unless not <paramref name="persistent"/>) but not trained.</summary>
            public void register_buffer(string name, Tensor tensor, bool persistent = true)
            {
                CheckNewName(name, buffersByName);
                buffersByName[name] = tensor;
                if (!persistent) nonPersistentBuffers.Add(name);
            }

            void CheckNewName<T>(string key, Dictionary<string, T> own)
            {
                if (string.IsNullOrEmpty(key) || key.Contains('.'))
                    throw new ArgumentException($"Module name can't be empty or contain \".\", got: \"{key}\" in {name}");
                if (!own.ContainsKey(key) && (parametersByName.ContainsKey(key) || buffersByName.ContainsKey(key) || childrenByName.ContainsKey(key)))
                    throw new ArgumentException($"attribute '{key}' already exists in module {name}");
            }

            /// <summary>The direct children with their names, in registration order.</summary>
            public virtual IEnumerable<(string name, Module module)> named_children() =>
                childrenByName.Select(kv => (kv.Key, kv.Value));

            /// <summary>The direct children.</summary>
            public IEnumerable<Module> children() => named_children().Select(c => c.module);

            /// <summary>This module and all descendants, depth first, named by their dotted paths ("" for this one).</summary>
            public IEnumerable<(string name, Module module)> named_modules()
            {
                yield return ("", this);
                foreach (var (childName, child) in named_children())
                    foreach (var (sub, module) in child.named_modules())
                        yield return (sub.Length == 0 ? childName : childName + "." + sub, module);
            }

            /// <summary>This module and all descendants.</summary>
            public IEnumerable<Module> modules() => named_modules().Select(m => m.module);

            /// <summary>Every parameter with its dotted name; with <paramref name="recurse"/>, descendants' too.</summary>
            public virtual IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true) =>
                Collect(recurse, m => m.parametersByName.Where(kv => kv.Value is not null).Select(kv => (kv.Key, kv.Value!)));

            /// <summary>Every parameter (what an optimizer should update).</summary>
            public virtual IEnumerable<Parameter> parameters(bool recurse = true) => named_parameters(recurse).Select(p => p.parameter);

            /// <summary>Every buffer with its dotted name.</summary>
            public IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true, bool include_nonpersistent = true) =>
                Collect(recurse, m => m.buffersByName
                    .Where(kv => kv.Value is not null && (include_nonpersistent || !m.nonPersistentBuffers.Contains(kv.Key)))
                    .Select(kv => (kv.Key, kv.Value!)));

            /// <summary>Every buffer.</summary>
            public IEnumerable<Tensor> buffers(bool recurse = true) => named_buffers(recurse).Select(b => b.buffer);

            /// <summary>Own items, then (if recursing) each child's items prefixed with the child's name; shared tensors once.</summary>
            IEnumerable<(string, T)> Collect<T>(bool recurse, Func<Module, IEnumerable<(string, T)>> own) where T : class
            {
                var seen = new HashSet<T>(ReferenceEqualityComparer.Instance);
                var modules = recurse ? named_modules() : [("", this)];
                foreach (var (prefix, module) in modules)
                    foreach (var (key, item) in own(module))
                        if (seen.Add(item)) yield return (prefix.Length == 0 ? key : prefix + "." + key, item);
            }

            /// <summary>
            /// Parameters and persistent buffers by dotted name: everything needed to restore the module's state.
            /// Ordered as PyTorch orders it (each module's parameters, then its buffers, then its children's entries).
            /// The tensors are the module's own (not copies).
            /// </summary>
            public Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null)
            {
                destination ??= new Dictionary<string, Tensor>();
                foreach (var (key, p) in parametersByName) if (p is not null) destination[prefix + key] = p;
                foreach (var (key, b) in buffersByName) if (b is not null && !nonPersistentBuffers.Contains(key)) destination[prefix + key] = b;
                foreach (var (childName, child) in named_children()) child.state_dict(destination, prefix + childName + ".");
                return destination;
            }

            /// <summary>
            /// Copies values from <paramref name="source"/> into this module's parameters and buffers.
            /// With <paramref name="strict"/>, missing and unexpected keys are errors; shapes must always match.
            /// </summary>
            /// <returns>The keys the module has but the source lacks, and the source keys the module does not have.</returns>
            /// <exception cref="InvalidOperationException">Names every missing or unexpected key, or the key whose shape differs.</exception>
            public virtual (IList<string> missing_keys, IList<string> unexpected_keys) load_state_dict(
                Dictionary<string, Tensor> source, bool strict = true, IList<string>? skip = null)
            {
                var own = state_dict();
                var skipped = new HashSet<string>(skip ?? []);
                var missing = own.Keys.Where(k => !source.ContainsKey(k) && !skipped.Contains(k)).ToList();
                var unexpected = source.Keys.Where(k => !own.ContainsKey(k) && !skipped.Contains(k)).ToList();
                if (strict && (missing.Count > 0 || unexpected.Count > 0))
                    throw new InvalidOperationException($"Error(s) in loading state_dict for {name}: " +
                        (missing.Count > 0 ? $"Missing key(s): {string.Join(", ", missing.Select(k => $"\"{k}\""))}. " : "") +
                        (unexpected.Count > 0 ? $"Unexpected key(s): {string.Join(", ", unexpected.Select(k => $"\"{k}\""))}." : ""));
                foreach (var (key, target) in own)
                {
                    if (skipped.Contains(key) || !source.TryGetValue(key, out var value)) continue;
                    if (!value._shape.AsSpan().SequenceEqual(target._shape))
                        throw new InvalidOperationException($"Error(s) in loading state_dict for {name}: size mismatch for {key}: copying a param with shape {ShapeString(value._shape)} from checkpoint, the shape in current model is {ShapeString(target._shape)}.");
                    using (no_grad()) target.copy_(value);
                }
                return (missing, unexpected);
            }

            /// <summary>Sets training mode on this module and every descendant; returns this module.</summary>
            public virtual Module train(bool train = true)
            {
                foreach (var m in modules()) m.training = train;
                return this;
            }

            /// <summary>Evaluation mode: <c>train(false)</c>.</summary>
            public Module eval() => train(false);

            /// <summary>Clears every parameter's gradient: to null by default, or to zeros.</summary>
            public virtual void zero_grad(bool set_to_none = true)
            {
                foreach (var p in parameters())
                {
                    if (set_to_none || p.grad is null) p.grad = null;
                    else using (no_grad()) p.grad.zero_();
                }
            }

            /// <summary>Calls <paramref name="fn"/> on every descendant, then on this module (PyTorch's order); returns this.</summary>
            public Module apply(Action<Module> fn)
            {
                foreach (var child in children()) child.apply(fn);
                fn(this);
                return this;
            }

            /// <summary>Converts every floating-point parameter and buffer to <paramref name="type"/> in place.</summary>
            internal void ConvertTo(ScalarType type)
            {
                foreach (var t in parameters().Cast<Tensor>().Concat(buffers()).Where(t => t.is_floating_point()))
                {
                    t.SetData(t.detach().to(type));
                    if (t.grad is not null) t.grad = t.grad.to(type);
                }
            }

            /// <summary>Does nothing: the engine is managed. Exists so TorchSharp's <c>using</c> patterns compile.</summary>
            public void Dispose() { }

            /// <inheritdoc/>
            public override string ToString() => name;
        }

        /// <summary>
        /// A module with one input: subclasses implement <see cref="forward"/>; callers use <see cref="call"/>, which
        /// also runs the hooks registered with <c>register_forward_pre_hook</c>/<c>register_forward_hook</c>.
        /// </summary>
        public abstract class Module<T, TResult> : HookableModule<Func<Module<T, TResult>, T, T>, Func<Module<T, TResult>, T, TResult, TResult>>
        {
            /// <summary>Creates a module with a name.</summary>
            protected Module(string name) : base(name) { }

            /// <summary>The computation.</summary>
            public abstract TResult forward(T input);

            /// <summary>Runs the module: pre-hooks (a non-null result replaces the input), forward, then post-hooks
            /// (a non-null result replaces the output), in TorchSharp's order.</summary>
            public TResult call(T input)
            {
                // Index loops, not foreach: no allocation on the hot path, and a hook may remove itself.
                for (int i = 0; i < module_pre_hooks.Count; i++) module_pre_hooks[i].hook(this);
                for (int i = 0; i < pre_hooks.Count; i++) input = pre_hooks[i].hook(this, input) ?? input;
                var result = forward(input);
                for (int i = 0; i < post_hooks.Count; i++) result = post_hooks[i].hook(this, input, result) ?? result;
                for (int i = 0; i < module_post_hooks.Count; i++) module_post_hooks[i].hook(this);
                return result;
            }
        }

        /// <summary>A module with two inputs.</summary>
        public abstract class Module<T1, T2, TResult> : Module
        {
            /// <summary>Creates a module with a name.</summary>
            protected Module(string name) : base(name) { }

            /// <summary>The computation.</summary>
            public abstract TResult forward(T1 input1, T2 input2);

            /// <summary>Runs the module.</summary>
            public TResult call(T1 input1, T2 input2) => forward(input1, input2);
        }

        /// <summary>A module with three inputs.</summary>
        public abstract class Module<T1, T2, T3, TResult> : Module
        {
            /// <summary>Creates a module with a name.</summary>
            protected Module(string name) : base(name) { }

            /// <summary>The computation.</summary>
            public abstract TResult forward(T1 input1, T2 input2, T3 input3);

            /// <summary>Runs the module.</summary>
            public TResult call(T1 input1, T2 input2, T3 input3) => forward(input1, input2, input3);
        }
    }
}

/// <summary>TorchSharp's module extension methods: conversions that return the module's own type.</summary>
public static class ModuleExtensionMethods
{
    /// <summary>Converts the module's floating-point parameters and buffers to <paramref name="type"/>; returns the module.</summary>
    public static T to<T>(this T module, ScalarType type) where T : torch.nn.Module
    {
        module.ConvertTo(type);
        return module;
    }

    /// <summary>Returns the module (the CPU is the only device).</summary>
    public static T to<T>(this T module, torch.Device device) where T : torch.nn.Module =>
        device.type == DeviceType.CPU ? module : throw new NotSupportedException("Course.Torch runs on the CPU only.");

    /// <summary>Returns the module (the CPU is the only device).</summary>
    public static T cpu<T>(this T module) where T : torch.nn.Module => module;
}
