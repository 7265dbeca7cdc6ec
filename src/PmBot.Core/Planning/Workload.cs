namespace PmBot.Core.Planning;

/// <summary>
/// Hours per person per ISO week from scheduled tasks and shares of time; over-allocated weeks (more hours than
/// capacity) with the tasks causing them; and a leveling suggestion for each. Pure and thread-safe.
/// </summary>
/// <remarks>
/// <para>Load. A task with a p% share takes p% of the person's day on each working day from its start to its finish
/// that is also a working day of theirs (their days off are in the calendar under their member id). A person's day
/// is their weekly capacity shared evenly over the calendar's working weekdays (40 h over Monday to Friday: 8 h);
/// a week's capacity is that day times the days they work that week, so holidays and days off lower both sides.
/// Internally load is counted in "percent-days" (p per task-day), which keeps every comparison exact.</para>
/// <para>Leveling, greedy and in week order. For each over-allocated person and week, while it is still over:
/// first delay one of their non-critical tasks in that week by the fewest working days (at most its total float)
/// that brings the week within capacity without over-allocating anyone else or any other week more than it already
/// is; ties go to the task with more float, then to the later task in the input. Otherwise give the person's share
/// of one of those tasks to another member who has room in every week the task runs (the one left with the most
/// room). Each task is suggested once. What no step fixes is reported as unresolved.</para>
/// </remarks>
public static partial class Workload
{
    /// <summary>The longest delay tried, in working days (a year).</summary>
    public const int MaxDelayDays = 260;

    public static WorkloadReport Compute(WorkloadInput input)
    {
        var state = new LoadState(input);
        var tasks = input.Tasks;
        if (tasks.Count == 0)
            return new WorkloadReport([], input.Members.Select(m => new MemberWorkload(m.Id, m.CapacityHoursPerWeek, [])).ToList(), [], [], []);

        var first = WeekStart(tasks.Min(t => t.Start));
        var last = WeekStart(tasks.Max(t => t.Finish));
        var weeks = new List<DateOnly>();
        for (var week = first; week <= last; week = week.AddDays(7))
            weeks.Add(week);

        var members = input.Members.Select((m, i) => new MemberWorkload(m.Id, m.CapacityHoursPerWeek,
            weeks.Select(w => new WeekLoad(w, state.Hours(i, state.Units(i, w)), state.Hours(i, state.CapacityUnits(i, w)),
                state.TasksIn(i, w).Select(x => new TaskHours(tasks[x.Task].Id, state.Hours(i, x.Units))).ToList())).ToList())).ToList();
        var overAllocations = state.OverAllocations();
        var suggestions = Level(state, overAllocations);
        return new WorkloadReport(weeks, members, overAllocations, suggestions, state.OverAllocations());
    }

    private static List<LevelingSuggestion> Level(LoadState state, IReadOnlyList<OverAllocation> overAllocations)
    {
        var suggestions = new List<LevelingSuggestion>();
        var suggested = new HashSet<int>();
        foreach (var over in overAllocations)
        {
            var member = state.MemberIndex(over.MemberId);
            while (state.Units(member, over.WeekStart) > state.CapacityUnits(member, over.WeekStart))
            {
                var step = TryDelay(state, member, over.WeekStart, suggested) ?? TryReassign(state, member, over.WeekStart, suggested);
                if (step is null)
                    break;
                suggested.Add(step.Value.Task);
                suggestions.Add(step.Value.Suggestion);
            }
        }
        return suggestions;
    }

    private static (int Task, LevelingSuggestion Suggestion)? TryDelay(LoadState state, int member, DateOnly week, HashSet<int> suggested)
    {
        var calendar = state.Calendar;
        (int Task, int Days, DateOnly Start, DateOnly Finish)? best = null;
        foreach (var (task, _) in state.TasksIn(member, week))
        {
            var t = state.Tasks[task];
            if (t.IsCritical || t.TotalFloat <= 0 || suggested.Contains(task))
                continue;
            var (start, finish) = state.Dates(task);
            var limit = Math.Min(t.TotalFloat, MaxDelayDays);
            if (best is { } b)
                limit = Math.Min(limit, b.Days);
            for (var days = 1; days <= limit; days++)
            {
                var newStart = calendar.AddWorkingDays(start, days);
                var newFinish = calendar.AddWorkingDays(finish, days);
                if (!state.Fits(task, newStart, newFinish, member, week))
                    continue;
                if (best is not { } current || days < current.Days
                    || (days == current.Days && (t.TotalFloat > state.Tasks[current.Task].TotalFloat
                        || (t.TotalFloat == state.Tasks[current.Task].TotalFloat && task > current.Task))))
                    best = (task, days, newStart, newFinish);
                break;
            }
        }
        if (best is not { } chosen)
            return null;
        var chosenTask = state.Tasks[chosen.Task];
        state.Move(chosen.Task, chosen.Start, chosen.Finish);
        return (chosen.Task, new LevelingSuggestion(LevelingKind.Delay, chosenTask.Id, state.Members[member].Id, week)
        {
            DelayDays = chosen.Days,
            NewStart = chosen.Start,
            NewFinish = chosen.Finish,
            TotalFloat = chosenTask.TotalFloat,
            MovesSuccessors = chosen.Days > chosenTask.FreeFloat,
        });
    }

    private static (int Task, LevelingSuggestion Suggestion)? TryReassign(LoadState state, int member, DateOnly week, HashSet<int> suggested)
    {
        // Tasks whose share alone brings the week within capacity first, then the later tasks first.
        var excess = state.Units(member, week) - state.CapacityUnits(member, week);
        var candidates = state.TasksIn(member, week)
            .Where(x => !suggested.Contains(x.Task))
            .OrderByDescending(x => x.Units >= excess)
            .ThenByDescending(x => x.Task);
        foreach (var (task, _) in candidates)
        {
            var percent = state.Share(task, member);
            var taken = state.Assigned(task);
            var receiver = Enumerable.Range(0, state.Members.Count)
                .Where(other => other != member && !taken.Contains(other))
                .Select(other => (Member: other, Room: state.RoomFor(task, other, percent)))
                .Where(x => x.Room >= 0)
                .OrderByDescending(x => x.Room)
                .Select(x => (int?)x.Member)
                .FirstOrDefault();
            if (receiver is not { } to)
                continue;
            state.Reassign(task, member, to);
            return (task, new LevelingSuggestion(LevelingKind.Reassign, state.Tasks[task].Id, state.Members[member].Id, week)
            {
                ToMemberId = state.Members[to].Id,
                Percent = percent,
                TotalFloat = state.Tasks[task].TotalFloat,
            });
        }
        return null;
    }

    /// <summary>Load in percent-days per member and week, per task, as it changes while leveling.</summary>
    private sealed class LoadState
    {
        private readonly Dictionary<string, int> _memberIndex;
        private readonly decimal[] _hoursPerDay;
        private readonly DateOnly[] _start;
        private readonly DateOnly[] _finish;
        private readonly List<(int Member, int Percent)>[] _shares;
        private readonly Dictionary<(int Member, DateOnly Week), Dictionary<int, int>> _units = [];
        private readonly Dictionary<(int Member, DateOnly Week), int> _daysAvailable = [];

        public LoadState(WorkloadInput input)
        {
            Calendar = input.Calendar;
            Tasks = input.Tasks;
            Members = input.Members;
            _memberIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            _hoursPerDay = new decimal[Members.Count];
            for (var i = 0; i < Members.Count; i++)
            {
                if (Members[i].CapacityHoursPerWeek <= 0)
                    throw new ArgumentException($"Member {Members[i].Id} needs a positive capacity.", nameof(input));
                if (!_memberIndex.TryAdd(Members[i].Id, i))
                    throw new ArgumentException($"Member {Members[i].Id} is listed twice.", nameof(input));
                _hoursPerDay[i] = Members[i].CapacityHoursPerWeek / Calendar.WorkingWeekdays.Count;
            }
            _start = Tasks.Select(t => t.Start).ToArray();
            _finish = Tasks.Select(t => t.Finish).ToArray();
            _shares = new List<(int, int)>[Tasks.Count];
            for (var task = 0; task < Tasks.Count; task++)
            {
                _shares[task] = [];
                foreach (var a in Tasks[task].Assignments)
                {
                    if (!_memberIndex.TryGetValue(a.MemberId, out var m))
                        throw new ArgumentException($"Task {Tasks[task].Id} names member {a.MemberId}, who is not among the members.", nameof(input));
                    if (a.Percent is < 1 or > 100)
                        throw new ArgumentException($"Task {Tasks[task].Id} gives {a.MemberId} a share of {a.Percent}%.", nameof(input));
                    _shares[task].Add((m, a.Percent));
                    Add(task, m, a.Percent, _start[task], _finish[task], +1);
                }
            }
        }

        public WorkCalendar Calendar { get; }
        public IReadOnlyList<WorkloadTask> Tasks { get; }
        public IReadOnlyList<WorkloadMember> Members { get; }

        public int MemberIndex(string id) => _memberIndex[id];

        public (DateOnly Start, DateOnly Finish) Dates(int task) => (_start[task], _finish[task]);

        public decimal Hours(int member, int units) => units * _hoursPerDay[member] / 100;

        public int Units(int member, DateOnly week) =>
            _units.TryGetValue((member, week), out var byTask) ? byTask.Values.Sum() : 0;

        public int CapacityUnits(int member, DateOnly week)
        {
            if (!_daysAvailable.TryGetValue((member, week), out var days))
            {
                var id = Members[member].Id;
                days = Enumerable.Range(0, 7).Count(d => Calendar.IsWorkingDay(week.AddDays(d), id));
                _daysAvailable[(member, week)] = days;
            }
            return 100 * days;
        }

        /// <summary>The tasks loading a member in a week, in input order.</summary>
        public IReadOnlyList<(int Task, int Units)> TasksIn(int member, DateOnly week) =>
            _units.TryGetValue((member, week), out var byTask)
                ? byTask.Where(kv => kv.Value > 0).OrderBy(kv => kv.Key).Select(kv => (kv.Key, kv.Value)).ToList()
                : [];

        public int Share(int task, int member) => _shares[task].First(s => s.Member == member).Percent;

        public HashSet<int> Assigned(int task) => _shares[task].Select(s => s.Member).ToHashSet();

        public List<OverAllocation> OverAllocations() =>
            _units.Keys
                .Where(k => Units(k.Member, k.Week) > CapacityUnits(k.Member, k.Week))
                .OrderBy(k => k.Week).ThenBy(k => k.Member)
                .Select(k => new OverAllocation(Members[k.Member].Id, k.Week, Hours(k.Member, Units(k.Member, k.Week)),
                    Hours(k.Member, CapacityUnits(k.Member, k.Week)), TasksIn(k.Member, k.Week).Select(x => Tasks[x.Task].Id).ToList()))
                .ToList();

        /// <summary>
        /// Whether moving the task to these dates brings <paramref name="member"/>'s <paramref name="week"/> within
        /// capacity, leaving every week of everyone on the task within capacity or no worse than it is.
        /// </summary>
        public bool Fits(int task, DateOnly start, DateOnly finish, int member, DateOnly week)
        {
            foreach (var (m, percent) in _shares[task])
            {
                var before = Spread(m, percent, _start[task], _finish[task]);
                var after = Spread(m, percent, start, finish);
                foreach (var w in before.Keys.Union(after.Keys))
                {
                    var units = Units(m, w) - before.GetValueOrDefault(w) + after.GetValueOrDefault(w);
                    var capacity = CapacityUnits(m, w);
                    if (m == member && w == week ? units > capacity : units > Math.Max(capacity, Units(m, w)))
                        return false;
                }
            }
            return true;
        }

        /// <summary>The least room (percent-days) another member keeps in the task's weeks if given this share; negative when it does not fit.</summary>
        public int RoomFor(int task, int member, int percent)
        {
            var room = int.MaxValue;
            foreach (var (w, units) in Spread(member, percent, _start[task], _finish[task]))
                room = Math.Min(room, CapacityUnits(member, w) - Units(member, w) - units);
            return room == int.MaxValue ? -1 : room;
        }

        public void Move(int task, DateOnly start, DateOnly finish)
        {
            foreach (var (m, percent) in _shares[task])
            {
                Add(task, m, percent, _start[task], _finish[task], -1);
                Add(task, m, percent, start, finish, +1);
            }
            _start[task] = start;
            _finish[task] = finish;
        }

        public void Reassign(int task, int from, int to)
        {
            var share = _shares[task].FindIndex(s => s.Member == from);
            var percent = _shares[task][share].Percent;
            Add(task, from, percent, _start[task], _finish[task], -1);
            Add(task, to, percent, _start[task], _finish[task], +1);
            _shares[task][share] = (to, percent);
        }

        private void Add(int task, int member, int percent, DateOnly start, DateOnly finish, int sign)
        {
            foreach (var (week, units) in Spread(member, percent, start, finish))
            {
                if (!_units.TryGetValue((member, week), out var byTask))
                    _units[(member, week)] = byTask = [];
                byTask[task] = byTask.GetValueOrDefault(task) + sign * units;
            }
        }

        /// <summary>Percent-days per week a share of a task takes from a member between these dates.</summary>
        private Dictionary<DateOnly, int> Spread(int member, int percent, DateOnly start, DateOnly finish)
        {
            var id = Members[member].Id;
            var result = new Dictionary<DateOnly, int>();
            for (var day = start; day <= finish; day = day.AddDays(1))
            {
                if (Calendar.IsWorkingDay(day, id))
                {
                    var week = WeekStart(day);
                    result[week] = result.GetValueOrDefault(week) + percent;
                }
            }
            return result;
        }
    }
}
