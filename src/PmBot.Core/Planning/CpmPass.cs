namespace PmBot.Core.Planning;

/// <summary>The forward and backward passes over one validated, acyclic plan, all in working-day offsets.</summary>
internal sealed class Pass(
    ScheduleInput input,
    LinkGraph graph,
    int[] order,
    int[] duration,
    DependencyType[] type,
    int[] lag)
{
    private const int NoConstraint = int.MinValue;
    private const int Unbounded = int.MaxValue / 4;

    private readonly int _n = graph.NodeCount;
    private int[] _es = [];
    private int[] _ef = [];
    private int[] _ls = [];
    private int[] _lf = [];
    private ResourceDays?[] _resource = [];

    public ScheduleResult Run()
    {
        var activities = input.Activities;
        var calendar = input.Calendar;
        var lastDate = input.ProjectStart;
        foreach (var activity in activities)
        {
            if (activity.Constraint is { } c && c.Date > lastDate)
                lastDate = c.Date;
        }
        if (input.Deadline is { } deadline && deadline > lastDate)
            lastDate = deadline;
        var days = calendar.CreateIndex(input.ProjectStart, lastDate);

        var (startNoEarlier, fixedFinish) = Constraints(days);
        _resource = Resources(days);
        var warnings = new List<ScheduleWarning>();
        Forward(days, startNoEarlier, fixedFinish, warnings);

        var earlyFinish = 0;
        for (var i = 0; i < _n; i++)
        {
            if (_ef[i] > earlyFinish)
                earlyFinish = _ef[i];
        }
        var projectFinish = input.Deadline is { } due ? days.FinishIndexOf(due) + 1 : earlyFinish;
        Backward(projectFinish, fixedFinish);

        if (earlyFinish > days.Count)
            days = calendar.CreateIndex(input.ProjectStart, days.DateOf(earlyFinish));

        var totalFloat = new int[_n];
        var criticalFloat = int.MaxValue;
        for (var i = 0; i < _n; i++)
        {
            var tf = Math.Min(_ls[i] - _es[i], _lf[i] - _ef[i]);
            totalFloat[i] = tf;
            if (tf < criticalFloat)
                criticalFloat = tf;
        }
        if (_n == 0)
            criticalFloat = 0;

        var scheduled = new ScheduledActivity[_n];
        for (var i = 0; i < _n; i++)
        {
            var activity = activities[i];
            var tf = totalFloat[i];
            scheduled[i] = new ScheduledActivity(
                activity.Id,
                duration[i],
                StartDate(days, i, _es[i], _ef[i]),
                FinishDate(days, _ef[i]),
                StartDate(days, i, _ls[i], _lf[i]),
                FinishDate(days, _lf[i]),
                tf,
                FreeFloat(i, earlyFinish, tf),
                tf == criticalFloat)
            {
                Name = activity.Name,
                EarlyStartOffset = _es[i],
                EarlyFinishOffset = _ef[i],
                LateStartOffset = _ls[i],
                LateFinishOffset = _lf[i],
            };
        }

        var topological = new string[_n];
        for (var k = 0; k < _n; k++)
            topological[k] = activities[order[k]].Id;
        var (paths, truncated) = CriticalPaths(totalFloat, criticalFloat);

        return new ScheduleResult
        {
            ProjectStart = days.Origin,
            ProjectFinish = FinishDate(days, earlyFinish),
            DurationDays = earlyFinish,
            CriticalFloat = criticalFloat,
            Activities = scheduled,
            TopologicalOrder = topological,
            CriticalPaths = paths,
            CriticalPathsTruncated = truncated,
            Warnings = warnings,
            Days = days,
            Input = input,
        };
    }

    private (int[] StartNoEarlier, int[] FixedFinish) Constraints(WorkingDayIndex days)
    {
        var startNoEarlier = new int[_n];
        var fixedFinish = new int[_n];
        Array.Fill(startNoEarlier, NoConstraint);
        Array.Fill(fixedFinish, NoConstraint);
        for (var i = 0; i < _n; i++)
        {
            if (input.Activities[i].Constraint is not { } c)
                continue;
            if (c.Kind == ConstraintKind.StartNoEarlierThan)
            {
                var start = days.StartIndexOf(c.Date);
                // A milestone's date is the day at whose end it falls: on or after D means after the start of D.
                startNoEarlier[i] = duration[i] > 0 ? start : start <= 0 ? 0 : start + 1;
            }
            else
            {
                fixedFinish[i] = days.FinishIndexOf(c.Date) + 1;
            }
        }
        return (startNoEarlier, fixedFinish);
    }

    private ResourceDays?[] Resources(WorkingDayIndex days)
    {
        var result = new ResourceDays?[_n];
        Dictionary<string, ResourceDays?>? byResource = null;
        for (var i = 0; i < _n; i++)
        {
            var resource = input.Activities[i].ResourceId;
            if (resource is null || duration[i] == 0)
                continue;
            byResource ??= new Dictionary<string, ResourceDays?>(StringComparer.Ordinal);
            if (!byResource.TryGetValue(resource, out var resourceDays))
            {
                var off = new List<int>();
                foreach (var date in input.Calendar.DaysOff(resource))
                {
                    if (input.Calendar.IsWorkingDay(date))
                        off.Add(days.StartIndexOf(date));
                }
                off.Sort();
                resourceDays = off.Count == 0 ? null : new ResourceDays(off.ToArray());
                byResource.Add(resource, resourceDays);
            }
            result[i] = resourceDays;
        }
        return result;
    }

    private void Forward(WorkingDayIndex days, int[] startNoEarlier, int[] fixedFinish, List<ScheduleWarning> warnings)
    {
        _es = new int[_n];
        _ef = new int[_n];
        var predStart = graph.PredStart;
        var predLinks = graph.PredLinks;
        var from = graph.From;
        for (var k = 0; k < _n; k++)
        {
            var i = order[k];
            var d = duration[i];
            var startReq = 0;
            var finishReq = -Unbounded;
            for (var p = predStart[i]; p < predStart[i + 1]; p++)
            {
                var l = predLinks[p];
                var j = from[l];
                switch (type[l])
                {
                    case DependencyType.FinishToStart:
                        startReq = Math.Max(startReq, _ef[j] + lag[l]);
                        break;
                    case DependencyType.StartToStart:
                        startReq = Math.Max(startReq, _es[j] + lag[l]);
                        break;
                    case DependencyType.FinishToFinish:
                        finishReq = Math.Max(finishReq, _ef[j] + lag[l]);
                        break;
                    default:
                        finishReq = Math.Max(finishReq, _es[j] + lag[l]);
                        break;
                }
            }
            if (startNoEarlier[i] > startReq)
                startReq = startNoEarlier[i];

            var resource = _resource[i];
            int es, ef;
            if (resource is null)
            {
                es = Math.Max(startReq, finishReq - d);
                ef = es + d;
            }
            else
            {
                (es, ef) = ByStart(resource, startReq, d);
                if (finishReq > ef)
                    (es, ef) = ByFinishAtOrAfter(resource, finishReq, d);
            }

            if (fixedFinish[i] != NoConstraint)
            {
                var (fs, ff) = resource is null ? (fixedFinish[i] - d, fixedFinish[i]) : ByFinishAtOrBefore(resource, fixedFinish[i], d);
                if (ff < ef)
                    warnings.Add(new ScheduleWarning(ScheduleWarningKind.ConstraintConflict, input.Activities[i].Id, FinishDate(days, ef)));
                es = fs;
                ef = ff;
                if (es < 0)
                {
                    (es, ef) = resource is null ? (0, d) : ByStart(resource, 0, d);
                    warnings.Add(new ScheduleWarning(ScheduleWarningKind.ConstraintConflict, input.Activities[i].Id, FinishDate(days, ef)));
                }
            }
            _es[i] = es;
            _ef[i] = ef;
        }
    }

    private void Backward(int projectFinish, int[] fixedFinish)
    {
        _ls = new int[_n];
        _lf = new int[_n];
        var succStart = graph.SuccStart;
        var succLinks = graph.SuccLinks;
        var to = graph.To;
        for (var k = _n - 1; k >= 0; k--)
        {
            var i = order[k];
            var d = duration[i];
            var finishBound = projectFinish;
            var startBound = Unbounded;
            for (var q = succStart[i]; q < succStart[i + 1]; q++)
            {
                var l = succLinks[q];
                var s = to[l];
                switch (type[l])
                {
                    case DependencyType.FinishToStart:
                        finishBound = Math.Min(finishBound, _ls[s] - lag[l]);
                        break;
                    case DependencyType.StartToStart:
                        startBound = Math.Min(startBound, _ls[s] - lag[l]);
                        break;
                    case DependencyType.FinishToFinish:
                        finishBound = Math.Min(finishBound, _lf[s] - lag[l]);
                        break;
                    default:
                        startBound = Math.Min(startBound, _lf[s] - lag[l]);
                        break;
                }
            }
            if (fixedFinish[i] != NoConstraint && fixedFinish[i] < finishBound)
                finishBound = fixedFinish[i];

            var resource = _resource[i];
            int ls, lf;
            if (resource is null)
            {
                lf = Math.Min(finishBound, startBound + d);
                ls = lf - d;
            }
            else
            {
                (ls, lf) = ByFinishAtOrBefore(resource, finishBound, d);
                if (startBound < ls)
                    (ls, lf) = ByStartAtOrBefore(resource, startBound, d);
            }
            _ls[i] = ls;
            _lf[i] = lf;
        }
    }

    // Placements of d > 0 days of work on a resource's working days; results are (start offset, finish offset).
    private static (int, int) ByStart(ResourceDays r, int startAtOrAfter, int d)
    {
        var j = r.Rank(startAtOrAfter);
        return (r.Select(j), r.Select(j + d - 1) + 1);
    }

    private static (int, int) ByFinishAtOrAfter(ResourceDays r, int finishAtOrAfter, int d)
    {
        var j = r.Rank(finishAtOrAfter - 1);
        return (r.Select(j - d + 1), r.Select(j) + 1);
    }

    private static (int, int) ByFinishAtOrBefore(ResourceDays r, int finishAtOrBefore, int d)
    {
        var j = r.Rank(finishAtOrBefore) - 1;
        return (r.Select(j - d + 1), r.Select(j) + 1);
    }

    private static (int, int) ByStartAtOrBefore(ResourceDays r, int startAtOrBefore, int d)
    {
        var j = r.Rank(startAtOrBefore + 1) - 1;
        return (r.Select(j), r.Select(j + d - 1) + 1);
    }

    private int FreeFloat(int i, int earlyFinish, int totalFloat)
    {
        var free = earlyFinish - _ef[i];
        for (var q = graph.SuccStart[i]; q < graph.SuccStart[i + 1]; q++)
        {
            var l = graph.SuccLinks[q];
            var slack = Slack(l);
            if (slack < free)
                free = slack;
        }
        return Math.Max(0, Math.Min(free, Math.Max(totalFloat, 0)));
    }

    /// <summary>How far the successor's early dates are beyond what this link asks (0 = the link drives it).</summary>
    private int Slack(int l)
    {
        var p = graph.From[l];
        var s = graph.To[l];
        return type[l] switch
        {
            DependencyType.FinishToStart => _es[s] - (_ef[p] + lag[l]),
            DependencyType.StartToStart => _es[s] - (_es[p] + lag[l]),
            DependencyType.FinishToFinish => _ef[s] - (_ef[p] + lag[l]),
            _ => _ef[s] - (_es[p] + lag[l]),
        };
    }

    private DateOnly StartDate(WorkingDayIndex days, int i, int start, int finish) =>
        duration[i] == 0 ? FinishDate(days, finish) : days.DateOf(start);

    /// <summary>A finish offset f is the end of working day f - 1; offset 0 (a milestone at the very start) is day 0.</summary>
    private static DateOnly FinishDate(WorkingDayIndex days, int finish) => days.DateOf(finish > 0 ? finish - 1 : finish);

    private (IReadOnlyList<IReadOnlyList<string>> Paths, bool Truncated) CriticalPaths(int[] totalFloat, int criticalFloat)
    {
        var ids = input.Activities;
        var driven = new bool[_n];
        for (var l = 0; l < graph.From.Length; l++)
        {
            if (IsDrivingCritical(l, totalFloat, criticalFloat))
                driven[graph.To[l]] = true;
        }
        var paths = new List<IReadOnlyList<string>>();
        var path = new List<int>();
        var cursor = new List<int>();
        for (var k = 0; k < _n; k++)
        {
            var first = order[k];
            if (totalFloat[first] != criticalFloat || driven[first])
                continue;
            path.Add(first);
            cursor.Add(graph.SuccStart[first]);
            while (path.Count > 0)
            {
                var top = path.Count - 1;
                var node = path[top];
                var next = -1;
                while (cursor[top] < graph.SuccStart[node + 1])
                {
                    var l = graph.SuccLinks[cursor[top]++];
                    if (IsDrivingCritical(l, totalFloat, criticalFloat))
                    {
                        next = graph.To[l];
                        break;
                    }
                }
                if (next >= 0)
                {
                    path.Add(next);
                    cursor.Add(graph.SuccStart[next]);
                    continue;
                }
                if (!HasDrivingCriticalSuccessor(node, totalFloat, criticalFloat))
                {
                    if (paths.Count == CpmScheduler.MaxCriticalPaths)
                        return (paths, true);
                    paths.Add(path.ConvertAll(i => ids[i].Id));
                }
                path.RemoveAt(top);
                cursor.RemoveAt(top);
            }
        }
        return (paths, false);
    }

    private bool HasDrivingCriticalSuccessor(int node, int[] totalFloat, int criticalFloat)
    {
        for (var q = graph.SuccStart[node]; q < graph.SuccStart[node + 1]; q++)
        {
            if (IsDrivingCritical(graph.SuccLinks[q], totalFloat, criticalFloat))
                return true;
        }
        return false;
    }

    private bool IsDrivingCritical(int l, int[] totalFloat, int criticalFloat) =>
        totalFloat[graph.From[l]] == criticalFloat && totalFloat[graph.To[l]] == criticalFloat && Slack(l) == 0;
}
