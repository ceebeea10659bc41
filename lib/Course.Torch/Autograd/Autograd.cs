namespace Course.Torch;

public static partial class torch
{
    /// <summary>The backward-pass engine: reverse-mode differentiation over the recorded graph.</summary>
    internal static class Autograd
    {
        /// <summary>
        /// Runs the chain rule from <paramref name="roots"/> back to the leaves. Nodes are visited in topological order
        /// (a node runs once every node that feeds it a gradient has run), so each runs exactly once.
        /// With <paramref name="capture"/>, gradients reaching <paramref name="inputs"/> are returned instead of
        /// accumulated into <c>.grad</c> (that is autograd.grad).
        /// </summary>
        public static Dictionary<Tensor, Tensor>? Backward(Tensor[] roots, Tensor?[] seeds, bool retainGraph, bool createGraph,
            IList<Tensor>? inputs, bool capture = false)
        {
            using var mode = enable_grad(createGraph);
            var pending = new Dictionary<Node, Tensor>(ReferenceEqualityComparer.Instance);
            var captured = new Dictionary<Tensor, Tensor>(ReferenceEqualityComparer.Instance);
            var wanted = inputs is null ? null : new HashSet<Tensor>(inputs, ReferenceEqualityComparer.Instance);
            var capturedNodes = new Dictionary<Node, Tensor>(ReferenceEqualityComparer.Instance);
            if (capture && inputs is not null)
                foreach (var t in inputs) if (t.grad_fn is not null) capturedNodes[t.grad_fn] = t;

            for (int i = 0; i < roots.Length; i++)
            {
                var root = roots[i];
                if (!root.requires_grad)
                    throw new InvalidOperationException($"element {i} of tensors does not require grad and does not have a grad_fn");
                var seed = seeds[i] ?? ImplicitSeed(root);
                if (!seed._shape.AsSpan().SequenceEqual(root._shape))
                    throw new ArgumentException($"Mismatch in shape: grad_output[{i}] has a shape of {ShapeString(seed._shape)} and output[{i}] has a shape of {ShapeString(root._shape)}.");
                if (root.grad_fn is null) Deliver(new Edge(null, root), seed);
                else Accumulate(pending, root.grad_fn, seed);
            }

            var dependencies = CountDependencies(roots);
            var ready = new Stack<Node>(roots.Select(r => r.grad_fn).OfType<Node>().Distinct().Where(n => dependencies.GetValueOrDefault(n) == 0));
            while (ready.Count > 0)
            {
                var node = ready.Pop();
                pending.Remove(node, out var gradOut);
                Tensor?[] gradIns = [];
                if (gradOut is not null)
                {
                    if (capturedNodes.TryGetValue(node, out var asked)) captured[asked] = gradOut;
                    if (node.Backward is null)
                        throw new InvalidOperationException($"Trying to backward through the graph a second time (at {node.name}), or to directly access saved tensors after they have already been freed. Specify retain_graph: true if you need to backward through the graph a second time.");
                    node.CheckSavedVersions();
                    gradIns = node.Backward(gradOut);
                    if (!retainGraph) node.Release();
                }
                for (int i = 0; i < node.Edges.Length; i++)
                {
                    var edge = node.Edges[i];
                    var g = i < gradIns.Length ? gradIns[i]?.to(node.InputTypes[i]) : null;
                    if (edge.Function is { } next)
                    {
                        if (g is not null) Accumulate(pending, next, g);
                        if (--dependencies[next] == 0) ready.Push(next);
                    }
                    else if (edge.Leaf is not null && g is not null) Deliver(edge, g);
                }
            }
            return capture ? captured : null;

            void Deliver(Edge edge, Tensor g)
            {
                var leaf = edge.Leaf!;
                if (capture)
                {
                    if (wanted!.Contains(leaf)) captured[leaf] = captured.TryGetValue(leaf, out var c) ? c.add(g) : g;
                    return;
                }
                if (wanted is not null && !wanted.Contains(leaf)) return;
                if (!createGraph) g = g.detach();
                leaf.grad = leaf.grad is null ? g : createGraph ? leaf.grad.add(g) : leaf.grad.detach().add(g);
            }
        }

        static Tensor ImplicitSeed(Tensor root)
        {
            if (root.numel() != 1)
                throw new InvalidOperationException($"grad can be implicitly created only for scalar outputs (this tensor has shape {ShapeString(root._shape)}); pass grad_tensors to backward().");
            return ones_like(root);
        }

        static void Accumulate(Dictionary<Node, Tensor> pending, Node node, Tensor g) =>
            pending[node] = pending.TryGetValue(node, out var existing) ? existing.add(g) : g;

        /// <summary>How many edges point at each node from nodes reachable from the roots.</summary>
        static Dictionary<Node, int> CountDependencies(Tensor[] roots)
        {
            var counts = new Dictionary<Node, int>(ReferenceEqualityComparer.Instance);
            var seen = new HashSet<Node>(ReferenceEqualityComparer.Instance);
            var stack = new Stack<Node>(roots.Select(r => r.grad_fn).OfType<Node>());
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (!seen.Add(node)) continue;
                foreach (var edge in node.Edges)
                {
                    if (edge.Function is not { } next) continue;
                    counts[next] = counts.GetValueOrDefault(next) + 1;
                    stack.Push(next);
                }
            }
            return counts;
        }
    }
}
