using System.Collections.Immutable;

namespace Nexus.Nxml.Checking;

/// <summary>Finds dependency cycles among computeds (Tarjan's strongly connected components, without recursion).</summary>
internal static class DependencyCycles
{
    /// <summary>For every node on a cycle, one cycle through it, starting with it.</summary>
    public static IEnumerable<IReadOnlyList<string>> Find(IReadOnlyDictionary<string, ImmutableArray<string>> edges)
    {
        foreach (var component in StronglyConnected(edges))
        {
            var members = component.ToHashSet(StringComparer.Ordinal);
            var isCycle = component.Count > 1 || edges[component[0]].Contains(component[0]);
            if (!isCycle)
            {
                continue;
            }

            foreach (var start in component.Order(StringComparer.Ordinal))
            {
                yield return PathBack(edges, members, start);
            }
        }
    }

    /// <summary>The shortest path from <paramref name="start"/> back to itself inside one component.</summary>
    private static List<string> PathBack(IReadOnlyDictionary<string, ImmutableArray<string>> edges, HashSet<string> members, string start)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var next in edges[node])
            {
                if (next == start)
                {
                    var path = new List<string> { node };
                    while (path[^1] != start)
                    {
                        path.Add(previous[path[^1]]);
                    }

                    path.Reverse();
                    return path;
                }

                if (members.Contains(next) && previous.TryAdd(next, node))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return [start];
    }

    private static List<List<string>> StronglyConnected(IReadOnlyDictionary<string, ImmutableArray<string>> edges)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var components = new List<List<string>>();
        var counter = 0;

        foreach (var root in edges.Keys.Order(StringComparer.Ordinal))
        {
            if (index.ContainsKey(root))
            {
                continue;
            }

            var work = new Stack<(string Node, int NextEdge)>();
            work.Push((root, 0));
            index[root] = low[root] = counter++;
            stack.Push(root);
            onStack.Add(root);
            while (work.Count > 0)
            {
                var (node, nextEdge) = work.Pop();
                var targets = edges[node];
                if (nextEdge < targets.Length)
                {
                    work.Push((node, nextEdge + 1));
                    var target = targets[nextEdge];
                    if (!edges.ContainsKey(target))
                    {
                        continue;
                    }

                    if (!index.TryGetValue(target, out var targetIndex))
                    {
                        index[target] = low[target] = counter++;
                        stack.Push(target);
                        onStack.Add(target);
                        work.Push((target, 0));
                    }
                    else if (onStack.Contains(target))
                    {
                        low[node] = Math.Min(low[node], targetIndex);
                    }

                    continue;
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }

                if (low[node] == index[node])
                {
                    var component = new List<string>();
                    string member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (member != node);
                    components.Add(component);
                }
            }
        }

        return components;
    }
}
