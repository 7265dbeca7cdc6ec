namespace PmBot.Core.Planning;

/// <summary>Nodes 0..n-1 and links in compressed rows (successors and predecessors), plus Kahn's order and cycle finding.</summary>
internal sealed class LinkGraph
{
    public readonly int NodeCount;
    public readonly int[] From;
    public readonly int[] To;
    public readonly int[] SuccStart; // links leaving node i: SuccLinks[SuccStart[i] .. SuccStart[i + 1])
    public readonly int[] SuccLinks;
    public readonly int[] PredStart;
    public readonly int[] PredLinks;

    public LinkGraph(int nodeCount, int[] from, int[] to)
    {
        NodeCount = nodeCount;
        From = from;
        To = to;
        (SuccStart, SuccLinks) = Rows(nodeCount, from);
        (PredStart, PredLinks) = Rows(nodeCount, to);
    }

    private static (int[] Start, int[] Links) Rows(int nodeCount, int[] key)
    {
        var start = new int[nodeCount + 1];
        for (var l = 0; l < key.Length; l++)
            start[key[l] + 1]++;
        for (var i = 0; i < nodeCount; i++)
            start[i + 1] += start[i];
        var cursor = new int[nodeCount];
        Array.Copy(start, cursor, nodeCount);
        var links = new int[key.Length];
        for (var l = 0; l < key.Length; l++)
            links[cursor[key[l]]++] = l;
        return (start, links);
    }

    /// <summary>Kahn's algorithm (first-in first-out, ties in node order). Returns how many nodes were ordered; fewer than all means a cycle.</summary>
    public int TopologicalOrder(int[] order, out int[] remainingInDegree)
    {
        var inDegree = new int[NodeCount];
        for (var i = 0; i < NodeCount; i++)
            inDegree[i] = PredStart[i + 1] - PredStart[i];
        var tail = 0;
        for (var i = 0; i < NodeCount; i++)
        {
            if (inDegree[i] == 0)
                order[tail++] = i;
        }
        for (var head = 0; head < tail; head++)
        {
            var node = order[head];
            for (var k = SuccStart[node]; k < SuccStart[node + 1]; k++)
            {
                var succ = To[SuccLinks[k]];
                if (--inDegree[succ] == 0)
                    order[tail++] = succ;
            }
        }
        remainingInDegree = inDegree;
        return tail;
    }

    /// <summary>
    /// After Kahn's algorithm stopped early, every node left has a predecessor that is also left; walking predecessors
    /// from the first such node must revisit one, which closes a cycle. Returned in link order, first node repeated at the end,
    /// starting from the cycle's lowest-numbered node.
    /// </summary>
    public List<int> CycleAmongRemaining(int[] remainingInDegree)
    {
        var seenAt = new int[NodeCount];
        Array.Fill(seenAt, -1);
        var walk = new List<int>();
        var node = Array.FindIndex(remainingInDegree, d => d > 0);
        while (seenAt[node] < 0)
        {
            seenAt[node] = walk.Count;
            walk.Add(node);
            var next = -1;
            for (var k = PredStart[node]; k < PredStart[node + 1]; k++)
            {
                var pred = From[PredLinks[k]];
                if (remainingInDegree[pred] > 0)
                {
                    next = pred;
                    break;
                }
            }
            node = next;
        }
        // walk[seenAt[node]..] goes backwards along links; reverse it to follow them forwards.
        var loop = walk.GetRange(seenAt[node], walk.Count - seenAt[node]);
        loop.Reverse();
        var lowest = loop.IndexOf(loop.Min());
        var cycle = new List<int>(loop.Count + 1);
        for (var i = 0; i < loop.Count; i++)
            cycle.Add(loop[(lowest + i) % loop.Count]);
        cycle.Add(cycle[0]);
        return cycle;
    }

    /// <summary>A path of links from <paramref name="source"/> to <paramref name="target"/> (breadth first), or null.</summary>
    public List<int>? PathBetween(int source, int target)
    {
        var cameFrom = new int[NodeCount];
        Array.Fill(cameFrom, -2);
        var queue = new Queue<int>();
        cameFrom[source] = -1;
        queue.Enqueue(source);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (node == target)
            {
                var path = new List<int>();
                for (var at = target; at >= 0; at = cameFrom[at])
                    path.Add(at);
                path.Reverse();
                return path;
            }
            for (var k = SuccStart[node]; k < SuccStart[node + 1]; k++)
            {
                var succ = To[SuccLinks[k]];
                if (cameFrom[succ] == -2)
                {
                    cameFrom[succ] = node;
                    queue.Enqueue(succ);
                }
            }
        }
        return null;
    }
}
