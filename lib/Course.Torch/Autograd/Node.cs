namespace Course.Torch;

public static partial class torch
{
    /// <summary>
    /// One recorded op in the autograd graph (PyTorch's <c>grad_fn</c>). It knows the op's inputs and how to turn the
    /// gradient of its output into gradients of those inputs (the chain rule, one step).
    /// </summary>
    public sealed class Node
    {
        internal Node(string name, Tensor[] inputs, Func<Tensor, Tensor?[]> backward, Tensor[] saved)
        {
            this.name = name;
            Edges = new Edge[inputs.Length];
            InputTypes = inputs.Select(t => t.dtype).ToArray();
            for (int i = 0; i < inputs.Length; i++)
                Edges[i] = inputs[i].requires_grad ? new Edge(inputs[i].grad_fn, inputs[i].grad_fn is null ? inputs[i] : null) : default;
            Backward = backward;
            Saved = saved;
            SavedVersions = saved.Select(t => t.storage.Version).ToArray();
        }

        /// <summary>The op's name with PyTorch's suffix, e.g. <c>MulBackward0</c>.</summary>
        public string name { get; }

        /// <summary>Where each input's gradient goes: the node that produced it, or the leaf tensor that accumulates it.</summary>
        internal Edge[] Edges { get; }

        /// <summary>Each input's dtype: a gradient is cast back to it, so a float32 input of a float64 op gets a float32 grad.</summary>
        internal ScalarType[] InputTypes { get; }

        /// <summary>Maps the output's gradient to one gradient per input (null where an input needs none).
        /// Null after a backward pass without retain_graph has freed it.</summary>
        internal Func<Tensor, Tensor?[]>? Backward { get; private set; }

        Tensor[] Saved { get; set; }
        int[] SavedVersions { get; }

        internal void Release() { Backward = null; Saved = []; }

        /// <summary>Throws if a tensor saved for this backward was modified in place after the forward pass.</summary>
        internal void CheckSavedVersions()
        {
            for (int i = 0; i < Saved.Length; i++)
            {
                int now = Saved[i].storage.Version;
                if (now != SavedVersions[i])
                    throw new InvalidOperationException(
                        $"one of the variables needed for gradient computation has been modified by an inplace operation: " +
                        $"[{Saved[i].dtype} {ShapeString(Saved[i]._shape)}], which is output 0 of {name}, is at version {now}; " +
                        $"expected version {SavedVersions[i]} instead. Hint: replace the in-place op (add_, mul_, …) with its out-of-place form.");
            }
        }

        /// <inheritdoc/>
        public override string ToString() => name;
    }

    /// <summary>A gradient destination: a node further down the graph, or a leaf tensor.</summary>
    internal readonly record struct Edge(Node? Function, Tensor? Leaf)
    {
        public bool IsEmpty => Function is null && Leaf is null;
    }
}
