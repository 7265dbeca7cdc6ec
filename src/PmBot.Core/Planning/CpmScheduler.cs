namespace PmBot.Core.Planning;

/// <summary>
/// Critical path method over working days: a forward pass for early dates, a backward pass for late dates, floats and
/// the critical path(s). Pure and thread-safe.
/// </summary>
/// <remarks>
/// <para>Date semantics. Every date is a working day and finishes are inclusive: an activity of d working days that
/// starts on day s finishes on the d-th working day counted from s. Internally a start is "the start of working day k"
/// and a finish is "the end of working day k - 1", so finish offset = start offset + duration, and a finish-to-start
/// link with lag 0 lets the successor start on the working day after the predecessor's finish.</para>
/// <para>Links, with lag L in project working days (negative = lead), for predecessor P and successor S:
/// FS: S starts ≥ L working days after P finishes (L = 0: the next working day);
/// SS: S starts ≥ L working days after P starts (L = 0: the same day);
/// FF: S finishes ≥ L working days after P finishes (L = 0: the same day);
/// SF: S finishes ≥ L working days after P starts (L = 0: the working day before P starts).
/// No activity starts before the project start. A milestone (duration 0) is dated the working day at whose end it
/// falls, so a milestone after a task finishing Friday is on Friday.</para>
/// <para>Constraints: start-no-earlier-than D keeps the start on or after D (a milestone's date on or after D);
/// must-finish-on D fixes the finish (a milestone's date) on D, see <see cref="ConstraintKind.MustFinishOn"/>.</para>
/// <para>The backward pass starts from the deadline when one is given, else from the project's early finish; every
/// activity's late finish is at most that. Resource calendars move an activity's work onto its resource's working days;
/// lags stay in project working days.</para>
/// <para>Cost: O(activities + links) with array look-ups (plus O(log days off) per activity on a resource calendar).</para>
/// </remarks>
public static class CpmScheduler
{
    /// <summary>At most this many critical paths are listed (the flags on activities are always complete).</summary>
    public const int MaxCriticalPaths = 16;

    public static ScheduleResult Schedule(ScheduleInput input)
    {
        var activities = input.Activities;
        var n = activities.Count;
        var ids = new Dictionary<string, int>(n, StringComparer.Ordinal);
        var duration = new int[n];
        for (var i = 0; i < n; i++)
        {
            var activity = activities[i];
            if (activity.DurationDays < 0)
                return Refuse(ScheduleErrorKind.NegativeDuration, $"Activity {activity.Id} has a negative duration.", activity.Id);
            if (!ids.TryAdd(activity.Id, i))
                return Refuse(ScheduleErrorKind.DuplicateActivity, $"Activity {activity.Id} is listed twice.", activity.Id);
            duration[i] = activity.DurationDays;
        }

        var links = input.Dependencies;
        var m = links.Count;
        var from = new int[m];
        var to = new int[m];
        var type = new DependencyType[m];
        var lag = new int[m];
        for (var l = 0; l < m; l++)
        {
            var link = links[l];
            if (!ids.TryGetValue(link.PredecessorId, out from[l]))
                return Refuse(ScheduleErrorKind.UnknownActivity, $"Unknown activity {link.PredecessorId} in a link.", link.PredecessorId);
            if (!ids.TryGetValue(link.SuccessorId, out to[l]))
                return Refuse(ScheduleErrorKind.UnknownActivity, $"Unknown activity {link.SuccessorId} in a link.", link.SuccessorId);
            type[l] = link.Type;
            lag[l] = link.LagDays;
        }

        var graph = new LinkGraph(n, from, to);
        var order = new int[n];
        if (graph.TopologicalOrder(order, out var remaining) < n)
        {
            var cycle = Describe(graph.CycleAmongRemaining(remaining), activities);
            return ScheduleResult.Refused(new ScheduleError(ScheduleErrorKind.Cycle, $"These links make a loop: {cycle}.", cycle.Path)
            {
                Cycle = cycle,
            });
        }

        return new Pass(input, graph, order, duration, type, lag).Run();
    }

    /// <summary>A loop in these links, or null when there is none (activity ids are taken from the links).</summary>
    public static DependencyCycle? FindCycle(IEnumerable<Dependency> dependencies)
    {
        var (graph, names) = GraphOf(dependencies);
        var order = new int[graph.NodeCount];
        if (graph.TopologicalOrder(order, out var remaining) == graph.NodeCount)
            return null;
        return new DependencyCycle(graph.CycleAmongRemaining(remaining).ConvertAll(i => names[i]));
    }

    /// <summary>
    /// The loop that adding <paramref name="candidate"/> to <paramref name="existing"/> would close (null when it closes none),
    /// e.g. "C -> A -> B -> C" for candidate C→A when A→B and B→C exist. Assumes the existing links have no loop.
    /// </summary>
    public static DependencyCycle? FindCycle(IEnumerable<Dependency> existing, Dependency candidate)
    {
        if (candidate.PredecessorId == candidate.SuccessorId)
            return new DependencyCycle([candidate.PredecessorId, candidate.PredecessorId]);
        var (graph, names) = GraphOf(existing);
        var source = names.IndexOf(candidate.SuccessorId);
        var target = names.IndexOf(candidate.PredecessorId);
        if (source < 0 || target < 0)
            return null;
        var path = graph.PathBetween(source, target);
        if (path is null)
            return null;
        var cycle = new List<string>(path.Count + 1) { candidate.PredecessorId };
        cycle.AddRange(path.ConvertAll(i => names[i]));
        return new DependencyCycle(cycle);
    }

    private static (LinkGraph Graph, List<string> Names) GraphOf(IEnumerable<Dependency> dependencies)
    {
        var names = new List<string>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var from = new List<int>();
        var to = new List<int>();
        int IdOf(string id)
        {
            if (!ids.TryGetValue(id, out var index))
            {
                index = names.Count;
                ids.Add(id, index);
                names.Add(id);
            }
            return index;
        }
        foreach (var link in dependencies)
        {
            from.Add(IdOf(link.PredecessorId));
            to.Add(IdOf(link.SuccessorId));
        }
        return (new LinkGraph(names.Count, from.ToArray(), to.ToArray()), names);
    }

    private static DependencyCycle Describe(List<int> cycle, IReadOnlyList<PlannedActivity> activities) =>
        new(cycle.ConvertAll(i => activities[i].Id));

    private static ScheduleResult Refuse(ScheduleErrorKind kind, string message, string id) =>
        ScheduleResult.Refused(new ScheduleError(kind, message, [id]));
}
