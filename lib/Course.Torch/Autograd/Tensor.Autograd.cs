namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        bool _requires_grad;

        /// <summary>
        /// Whether autograd tracks this tensor. Set it on leaves (tensors you create); results of ops on tracked
        /// tensors are tracked automatically.
        /// </summary>
        /// <exception cref="InvalidOperationException">When set on a non-leaf or on a non-float tensor.</exception>
        public bool requires_grad
        {
            get => _requires_grad;
            set
            {
                if (!is_leaf)
                    throw new InvalidOperationException("you can only change requires_grad flags of leaf variables. " +
                        "If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
                if (value && !is_floating_point())
                    throw new InvalidOperationException($"only Tensors of floating point dtype can require gradients (got {dtype}).");
                _requires_grad = value;
            }
        }

        /// <summary>Sets <see cref="requires_grad"/> and returns this tensor, for chaining.</summary>
        public Tensor requires_grad_(bool requires_grad = true)
        {
            this.requires_grad = requires_grad;
            return this;
        }

        /// <summary>The accumulated gradient of a leaf after <see cref="backward"/>; null until then.</summary>
        public Tensor? grad { get; set; }

        /// <summary>The op that produced this tensor, or null for a leaf.</summary>
        public Node? grad_fn { get; internal set; }

        /// <summary>True for tensors not produced by a tracked op: user-created tensors and results under no_grad.</summary>
        public bool is_leaf => grad_fn is null;

        /// <summary>
        /// Computes the gradient of this tensor with respect to every leaf that requires grad, and adds it to their
        /// <see cref="grad"/>. A non-scalar tensor needs <paramref name="grad_tensors"/> (the vector in the vector-Jacobian product).
        /// </summary>
        /// <param name="grad_tensors">d(loss)/d(this); defaults to 1 for a single-element tensor.</param>
        /// <param name="retain_graph">Keep the graph so backward can run through it again.</param>
        /// <param name="create_graph">Record the backward pass itself, for higher derivatives (implies retain_graph).</param>
        /// <param name="inputs">Accumulate only into these leaves; null means all.</param>
        public void backward(IList<Tensor>? grad_tensors = null, bool retain_graph = false, bool create_graph = false, IList<Tensor>? inputs = null)
        {
            var seed = grad_tensors is { Count: > 0 } ? grad_tensors[0] : null;
            Autograd.Backward([this], [seed], retain_graph || create_graph, create_graph, inputs);
        }

        /// <summary>A tensor sharing this one's data but cut off from the graph (no grad_fn, no requires_grad).</summary>
        public Tensor detach() => new(storage, _shape, _strides, _offset, dtype);

        /// <summary>Cuts this tensor off from the graph in place and returns it.</summary>
        public Tensor detach_()
        {
            grad_fn = null;
            _requires_grad = false;
            return this;
        }

        /// <summary>
        /// Attaches a graph node to a freshly computed result when grad mode is on and any input requires grad.
        /// <paramref name="backward"/> maps the result's gradient to one gradient per input; <paramref name="saved"/>
        /// lists the tensors it reads, so an in-place change to them is caught at backward time.
        /// </summary>
        internal Tensor WithGrad(string name, Tensor[] inputs, Func<Tensor, Tensor?[]> backward, params Tensor[] saved)
        {
            if (!is_grad_enabled() || !inputs.Any(t => t.requires_grad)) return this;
            grad_fn = new Node(name, inputs, backward, saved);
            _requires_grad = true;
            return this;
        }
    }

    /// <summary>Functional autograd: gradients returned instead of accumulated into <c>.grad</c>.</summary>
    public static class autograd
    {
        /// <summary>
        /// The gradients of <paramref name="outputs"/> with respect to <paramref name="inputs"/>, without touching any
        /// <c>.grad</c>. With <paramref name="create_graph"/>, the returned gradients are themselves differentiable.
        /// </summary>
        /// <exception cref="InvalidOperationException">When an input is not reachable from the outputs and <paramref name="allow_unused"/> is false.</exception>
        public static IList<Tensor> grad(IList<Tensor> outputs, IList<Tensor> inputs, IList<Tensor>? grad_outputs = null,
            bool retain_graph = false, bool create_graph = false, bool allow_unused = false)
        {
            var seeds = outputs.Select((o, i) => grad_outputs is not null && i < grad_outputs.Count ? grad_outputs[i] : null).ToArray();
            var captured = Autograd.Backward(outputs.ToArray(), seeds, retain_graph || create_graph, create_graph, inputs, capture: true)!;
            var result = new List<Tensor>();
            for (int i = 0; i < inputs.Count; i++)
            {
                if (captured.TryGetValue(inputs[i], out var g)) { result.Add(g); continue; }
                if (!allow_unused)
                    throw new InvalidOperationException($"One of the differentiated Tensors (input {i}) appears to not have been used in the graph. Set allow_unused=true if this is the desired behavior.");
                result.Add(null!);
            }
            return result;
        }
    }
}
