using PmBot.Core.Planning;

namespace PmBot.Core.Tests.Planning;

public class WorkloadTests
{
    // 2027-01-04 is a Monday: week 2027-W01 runs Monday 4 to Sunday 10, W02 from Monday 11.
    private static readonly DateOnly Week1 = D(1, 4);
    private static readonly DateOnly Week2 = D(1, 11);

    private static DateOnly D(int month, int day) => new(2027, month, day);

    private static WorkloadTask Task(string id, DateOnly start, DateOnly finish, string member, int percent = 100, int totalFloat = 0, int? freeFloat = null) =>
        new(id, start, finish, [new WorkloadAssignment(member, percent)])
        {
            TotalFloat = totalFloat,
            FreeFloat = freeFloat ?? totalFloat,
            IsCritical = totalFloat == 0,
        };

    private static WorkloadMember Person(string id, decimal hours = 40) => new(id, hours);

    private static WeekLoad Load(WorkloadReport report, string member, DateOnly week) =>
        report.Members.Single(m => m.MemberId == member).Weeks.Single(w => w.WeekStart == week);

    [Fact]
    public void Compute_TwoParallelTasksAtFullShare_IsTwoHundredPercentWithBothTasks()
    {
        // Two 5-day tasks in the same week at 100%: 10 days × 8 h = 80 h against 5 × 8 = 40 h.
        var report = Workload.Compute(new WorkloadInput(
            [Task("A", D(1, 4), D(1, 8), "bob"), Task("B", D(1, 4), D(1, 8), "bob")],
            [Person("bob")]));

        var load = Load(report, "bob", Week1);
        Assert.Equal((80m, 40m, 200m), (load.Hours, load.CapacityHours, load.Percent));
        Assert.True(load.IsOverAllocated);
        Assert.Equal([new TaskHours("A", 40m), new TaskHours("B", 40m)], load.Tasks);
        var over = Assert.Single(report.OverAllocations);
        Assert.Equal(("bob", Week1, "2027-W01", 200m), (over.MemberId, over.WeekStart, over.IsoWeek, over.Percent));
        Assert.Equal(["A", "B"], over.TaskIds);
    }

    [Fact]
    public void Compute_NonCriticalTaskWithEnoughFloat_IsDelayedIntoTheNextWeek()
    {
        // B can slip 5 working days: B on 11-15 January leaves 100% in each week; 1-4 days leave W01 over.
        var report = Workload.Compute(new WorkloadInput(
            [Task("A", D(1, 4), D(1, 8), "bob"), Task("B", D(1, 4), D(1, 8), "bob", totalFloat: 5)],
            [Person("bob")]));

        var step = Assert.Single(report.Suggestions);
        Assert.Equal((LevelingKind.Delay, "B", "bob", Week1), (step.Kind, step.TaskId, step.MemberId, step.WeekStart));
        Assert.Equal((5, D(1, 11), D(1, 15), false), (step.DelayDays, step.NewStart, step.NewFinish, step.MovesSuccessors));
        Assert.Empty(report.Unresolved);
        Assert.Single(report.OverAllocations); // the plan as it is stays reported
    }

    [Fact]
    public void Compute_PartlyOverlappingTask_IsDelayedOnlyAsFarAsNeeded()
    {
        // A Mon-Fri 100%; B Thu 7 - Wed 13 (5 days) at 100% with 10 days of float: W01 has 5 + 2 = 7 days = 140%.
        // Two working days later B runs Mon 11 - Fri 15: W01 100%, W02 100%.
        var report = Workload.Compute(new WorkloadInput(
            [Task("A", D(1, 4), D(1, 8), "bob"), Task("B", D(1, 7), D(1, 13), "bob", totalFloat: 10, freeFloat: 1)],
            [Person("bob")]));

        Assert.Equal(140m, Load(report, "bob", Week1).Percent);
        Assert.Equal(60m, Load(report, "bob", Week2).Percent);
        var step = Assert.Single(report.Suggestions);
        Assert.Equal((2, D(1, 11), D(1, 15), true), (step.DelayDays, step.NewStart, step.NewFinish, step.MovesSuccessors));
    }

    [Fact]
    public void Compute_DelayThatWouldOverloadTheNextWeek_GivesTheShareToSomeoneWithRoom()
    {
        // Delaying B into W02 would put bob at 200% there (C is in W02), so carla, free both weeks, takes B.
        var report = Workload.Compute(new WorkloadInput(
            [Task("A", D(1, 4), D(1, 8), "bob"), Task("B", D(1, 4), D(1, 8), "bob", totalFloat: 5), Task("C", D(1, 11), D(1, 15), "bob")],
            [Person("bob"), Person("carla")]));

        var step = Assert.Single(report.Suggestions);
        Assert.Equal((LevelingKind.Reassign, "B", "bob", "carla", 100), (step.Kind, step.TaskId, step.MemberId, step.ToMemberId, step.Percent));
        Assert.Empty(report.Unresolved);
    }

    [Fact]
    public void Compute_ReceiverWithoutRoom_IsNotChosen()
    {
        // Carla is at 60% in W01: a 100% share of B does not fit her; dan (32 h) is free and gets it.
        var report = Workload.Compute(new WorkloadInput(
            [Task("A", D(1, 4), D(1, 8), "bob"), Task("B", D(1, 4), D(1, 8), "bob"), Task("X", D(1, 4), D(1, 6), "carla")],
            [Person("bob"), Person("carla"), Person("dan", 32)]));

        var step = Assert.Single(report.Suggestions);
        Assert.Equal(("B", "dan"), (step.TaskId, step.ToMemberId));
    }

    [Fact]
    public void Compute_CriticalTasksAndNobodyFree_AreUnresolved()
    {
        var report = Workload.Compute(new WorkloadInput(
            [Task("A", D(1, 4), D(1, 8), "bob"), Task("B", D(1, 4), D(1, 8), "bob")],
            [Person("bob")]));

        Assert.Empty(report.Suggestions);
        var left = Assert.Single(report.Unresolved);
        Assert.Equal(("bob", Week1, 80m), (left.MemberId, left.WeekStart, left.Hours));
    }

    [Fact]
    public void Compute_EqualCandidates_DelayTheLaterTask()
    {
        var report = Workload.Compute(new WorkloadInput(
            [Task("A", D(1, 4), D(1, 8), "bob", totalFloat: 5), Task("B", D(1, 4), D(1, 8), "bob", totalFloat: 5)],
            [Person("bob")]));

        Assert.Equal("B", Assert.Single(report.Suggestions).TaskId);
    }

    [Fact]
    public void Compute_PartialShares_AddUp()
    {
        // 100% + 50% for a week at 32 h a week (6.4 h a day): 48 h of 32 h = 150%.
        var report = Workload.Compute(new WorkloadInput(
            [Task("A", D(1, 4), D(1, 8), "bob"), Task("B", D(1, 4), D(1, 8), "bob", percent: 50)],
            [Person("bob", 32)]));

        var load = Load(report, "bob", Week1);
        Assert.Equal((48m, 32m, 150m), (load.Hours, load.CapacityHours, load.Percent));
    }

    [Fact]
    public void Compute_HolidaysAndDaysOff_LowerHoursAndCapacity()
    {
        // Wednesday 6 is a holiday and bob is off Thursday 7: he works 3 days of W01 (24 h of capacity), all on A.
        var calendar = new WorkCalendar(holidays: [D(1, 6)], resourceDaysOff: new Dictionary<string, IReadOnlyCollection<DateOnly>> { ["bob"] = [D(1, 7)] });
        var report = Workload.Compute(new WorkloadInput([Task("A", D(1, 4), D(1, 8), "bob")], [Person("bob")]) { Calendar = calendar });

        var load = Load(report, "bob", Week1);
        Assert.Equal((24m, 24m, 100m, false), (load.Hours, load.CapacityHours, load.Percent, load.IsOverAllocated));
    }

    [Fact]
    public void Compute_TaskAcrossAWeekend_SplitsItsHoursByWeek()
    {
        // Thursday 7 to Tuesday 12: two days in W01, two in W02; the report lists both weeks for everyone.
        var report = Workload.Compute(new WorkloadInput([Task("A", D(1, 7), D(1, 12), "bob", percent: 50)], [Person("bob"), Person("carla")]));

        Assert.Equal([Week1, Week2], report.Weeks);
        Assert.Equal(8m, Load(report, "bob", Week1).Hours);
        Assert.Equal(8m, Load(report, "bob", Week2).Hours);
        Assert.Equal(0m, Load(report, "carla", Week2).Hours);
        Assert.Empty(report.OverAllocations);
    }

    [Fact]
    public void Compute_FromTheScheduler_LevelsTwoParallelTasksWithinTheirFloat()
    {
        // Carla's 10-day task drives the finish; bob's B and C (5 days each, no links) both start on day one with
        // 5 days of float: bob is at 200% in W01. C (the later one) moves 5 days to W02 and the finish does not move.
        var schedule = CpmScheduler.Schedule(new ScheduleInput(D(1, 4), [new("A", 10), new("B", 5), new("C", 5)], []));
        var shares = new Dictionary<string, string> { ["A"] = "carla", ["B"] = "bob", ["C"] = "bob" };
        var tasks = schedule.Activities.Select(a => WorkloadTask.From(a, [new WorkloadAssignment(shares[a.Id], 100)])).ToList();

        var report = Workload.Compute(new WorkloadInput(tasks, [Person("bob"), Person("carla")]));

        Assert.Equal(200m, Assert.Single(report.OverAllocations).Percent);
        var step = Assert.Single(report.Suggestions);
        Assert.Equal((LevelingKind.Delay, "C", 5, D(1, 11), D(1, 15)), (step.Kind, step.TaskId, step.DelayDays, step.NewStart, step.NewFinish));
        Assert.True(step.DelayDays <= schedule.Find("C")!.TotalFloat);
        Assert.Empty(report.Unresolved);
    }

    [Fact]
    public void Compute_AssignmentToUnknownMember_Throws()
    {
        Assert.Throws<ArgumentException>(() => Workload.Compute(new WorkloadInput([Task("A", D(1, 4), D(1, 8), "zed")], [Person("bob")])));
    }

    [Theory]
    [InlineData(2027, 1, 4, "2027-W01", 2027, 1, 4)]
    [InlineData(2027, 1, 1, "2026-W53", 2026, 12, 28)]
    [InlineData(2027, 1, 10, "2027-W01", 2027, 1, 4)]
    public void IsoWeek_Date_IsTheIsoYearAndWeekOfItsMonday(int y, int m, int d, string expected, int wy, int wm, int wd)
    {
        var date = new DateOnly(y, m, d);

        Assert.Equal(expected, Workload.IsoWeek(date));
        Assert.Equal(new DateOnly(wy, wm, wd), Workload.WeekStart(date));
    }
}
