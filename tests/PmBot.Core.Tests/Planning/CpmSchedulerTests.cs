using PmBot.Core.Planning;

namespace PmBot.Core.Tests.Planning;

public class CpmSchedulerTests
{
    private static readonly DateOnly Jan1 = new(2024, 1, 1); // a Monday

    private static PlannedActivity Act(string id, int days) => new(id, days);

    private static Dependency Fs(string p, string s, int lag = 0) => new(p, s, DependencyType.FinishToStart, lag);

    private static DateOnly D(int month, int day) => new(2024, month, day);

    private static ScheduleResult Run(ScheduleInput input)
    {
        var result = CpmScheduler.Schedule(input);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result;
    }

    // Classic example 1 (worked by hand, offsets in working days, finish offsets exclusive):
    //   A3; B4←A; C2←A; D5←B; E3←C; F2←D,E.
    //   Forward: A 0-3, B 3-7, C 3-5, D 7-12, E 5-8, F 12-14 → 14 working days.
    //   Backward: F 12-14, D 7-12, E 9-12, B 3-7, C 7-9, A 0-3.
    //   Total float: A0 B0 C4 D0 E4 F0. Free float: C0 (E starts right after), E4 (F waits for D).
    //   Critical path: A → B → D → F.
    private static ScheduleInput ClassicOne() => new(
        Jan1,
        [Act("A", 3), Act("B", 4), Act("C", 2), Act("D", 5), Act("E", 3), Act("F", 2)],
        [Fs("A", "B"), Fs("A", "C"), Fs("B", "D"), Fs("C", "E"), Fs("D", "F"), Fs("E", "F")]);

    [Theory]
    [InlineData("A", 0, 3, 0, 3, 0, 0)]
    [InlineData("B", 3, 7, 3, 7, 0, 0)]
    [InlineData("C", 3, 5, 7, 9, 4, 0)]
    [InlineData("D", 7, 12, 7, 12, 0, 0)]
    [InlineData("E", 5, 8, 9, 12, 4, 4)]
    [InlineData("F", 12, 14, 12, 14, 0, 0)]
    public void Schedule_ClassicFinishToStartNetwork_MatchesHandCalculation(
        string id, int es, int ef, int ls, int lf, int totalFloat, int freeFloat)
    {
        var a = Run(ClassicOne()).Find(id)!;

        Assert.Equal((es, ef, ls, lf), (a.EarlyStartOffset, a.EarlyFinishOffset, a.LateStartOffset, a.LateFinishOffset));
        Assert.Equal(totalFloat, a.TotalFloat);
        Assert.Equal(freeFloat, a.FreeFloat);
        Assert.Equal(totalFloat == 0, a.IsCritical);
    }

    [Fact]
    public void Schedule_ClassicFinishToStartNetwork_DatesSkipWeekends()
    {
        var result = Run(ClassicOne());

        var b = result.Find("B")!;
        Assert.Equal((D(1, 4), D(1, 9)), (b.EarlyStart, b.EarlyFinish)); // Thu to Tue over a weekend
        var e = result.Find("E")!;
        Assert.Equal((D(1, 8), D(1, 10), D(1, 12), D(1, 16)), (e.EarlyStart, e.EarlyFinish, e.LateStart, e.LateFinish));
        Assert.Equal(D(1, 18), result.ProjectFinish);
        Assert.Equal(14, result.DurationDays);
        Assert.Equal(0, result.CriticalFloat);
        Assert.Equal([["A", "B", "D", "F"]], result.CriticalPaths);
    }

    [Fact]
    public void Schedule_ClassicFinishToStartNetwork_TopologicalOrderByKahn()
    {
        Assert.Equal(["A", "B", "C", "D", "E", "F"], Run(ClassicOne()).TopologicalOrder);
    }

    // Classic example 2: two equal chains give two critical paths.
    //   Start(0); A2←Start; B3←A; C3←A; D1←B,C; End(0)←D. Forward: A 0-2, B 2-5, C 2-5, D 5-6, End 6.
    [Fact]
    public void Schedule_TwoEqualChains_ListsBothCriticalPaths()
    {
        var result = Run(new ScheduleInput(
            Jan1,
            [Act("Start", 0), Act("A", 2), Act("B", 3), Act("C", 3), Act("D", 1), Act("End", 0)],
            [Fs("Start", "A"), Fs("A", "B"), Fs("A", "C"), Fs("B", "D"), Fs("C", "D"), Fs("D", "End")]));

        Assert.Equal([["Start", "A", "B", "D", "End"], ["Start", "A", "C", "D", "End"]], result.CriticalPaths);
        Assert.All(result.Activities, a => Assert.Equal(0, a.TotalFloat));
        Assert.Equal(D(1, 1), result.Find("Start")!.EarlyStart);
        Assert.Equal(D(1, 8), result.Find("End")!.EarlyFinish); // D finishes Monday 8th; End is that day
        Assert.Equal(D(1, 8), result.ProjectFinish);
    }

    // Classic example 3 (trench and pipe): A6 dig; B5 lay pipe SS+2 and FF+1 after A; C3 backfill FS after B.
    //   B: start ≥ 0+2, finish ≥ 6+1 → 2-7. C 7-10. Backward: C 7-10; B ≤ 7 → 2-7; A: start ≤ 2-2 = 0, finish ≤ 7-1 = 6 → 0-6.
    [Fact]
    public void Schedule_StartToStartAndFinishToFinishWithLags_MatchesHandCalculation()
    {
        var result = Run(new ScheduleInput(
            Jan1,
            [Act("A", 6), Act("B", 5), Act("C", 3)],
            [new("A", "B", DependencyType.StartToStart, 2), new("A", "B", DependencyType.FinishToFinish, 1), Fs("B", "C")]));

        var b = result.Find("B")!;
        Assert.Equal((2, 7, 2, 7), (b.EarlyStartOffset, b.EarlyFinishOffset, b.LateStartOffset, b.LateFinishOffset));
        Assert.Equal((D(1, 3), D(1, 9)), (b.EarlyStart, b.EarlyFinish));
        Assert.Equal(10, result.DurationDays);
        Assert.All(result.Activities, a => Assert.True(a.IsCritical));
        Assert.Contains(["A", "B", "C"], result.CriticalPaths);
    }

    [Fact]
    public void Schedule_FinishToStartLag_SuccessorWaitsWorkingDays()
    {
        var result = Run(new ScheduleInput(Jan1, [Act("A", 5), Act("B", 3)], [Fs("A", "B", 2)]));

        Assert.Equal(D(1, 5), result.Find("A")!.EarlyFinish);
        Assert.Equal(D(1, 10), result.Find("B")!.EarlyStart); // Mon 8th and Tue 9th are the lag
    }

    [Fact]
    public void Schedule_FinishToStartLead_SuccessorOverlaps()
    {
        var result = Run(new ScheduleInput(Jan1, [Act("A", 5), Act("B", 3)], [Fs("A", "B", -2)]));

        var b = result.Find("B")!;
        Assert.Equal((D(1, 4), D(1, 8)), (b.EarlyStart, b.EarlyFinish));
        Assert.Equal(0, result.Find("A")!.TotalFloat);
        Assert.Equal(6, result.DurationDays);
    }

    [Fact]
    public void Schedule_FinishToFinish_FinishesSameDay()
    {
        var result = Run(new ScheduleInput(Jan1, [Act("A", 5), Act("B", 2)], [new("A", "B", DependencyType.FinishToFinish)]));

        var b = result.Find("B")!;
        Assert.Equal((D(1, 4), D(1, 5)), (b.EarlyStart, b.EarlyFinish));
    }

    [Fact]
    public void Schedule_StartToFinish_FinishesTheDayBeforePredecessorStarts()
    {
        var result = Run(new ScheduleInput(
            Jan1,
            [Act("A", 3) with { Constraint = new(ConstraintKind.StartNoEarlierThan, D(1, 8)) }, Act("B", 2)],
            [new("A", "B", DependencyType.StartToFinish)]));

        var b = result.Find("B")!;
        Assert.Equal((D(1, 4), D(1, 5)), (b.EarlyStart, b.EarlyFinish));
    }

    [Fact]
    public void Schedule_HolidaysAndWeekends_AreSkipped()
    {
        var calendar = new WorkCalendar(holidays: [new(2024, 12, 25), new(2024, 12, 26), new(2025, 1, 1)]);
        var result = Run(new ScheduleInput(new DateOnly(2024, 12, 20), [Act("A", 5), Act("B", 3)], [Fs("A", "B")]) { Calendar = calendar });

        Assert.Equal(new DateOnly(2024, 12, 30), result.Find("A")!.EarlyFinish); // Fri 20, Mon 23, Tue 24, Fri 27, Mon 30
        Assert.Equal(new DateOnly(2024, 12, 31), result.Find("B")!.EarlyStart);
        Assert.Equal(new DateOnly(2025, 1, 3), result.Find("B")!.EarlyFinish); // Tue 31, Thu 2, Fri 3
    }

    [Fact]
    public void Schedule_ProjectStartOnSaturday_StartsMonday()
    {
        var result = Run(new ScheduleInput(D(1, 6), [Act("A", 1)], []));

        Assert.Equal(D(1, 8), result.ProjectStart);
        Assert.Equal((D(1, 8), D(1, 8)), (result.Find("A")!.EarlyStart, result.Find("A")!.EarlyFinish));
    }

    [Fact]
    public void Schedule_ResourceDayOff_WorkSkipsIt()
    {
        var calendar = new WorkCalendar(resourceDaysOff: new Dictionary<string, IReadOnlyCollection<DateOnly>> { ["ann"] = [D(1, 3)] });
        var result = Run(new ScheduleInput(Jan1, [Act("A", 3) with { ResourceId = "ann" }, Act("B", 1)], [Fs("A", "B")]) { Calendar = calendar });

        var a = result.Find("A")!;
        Assert.Equal((D(1, 1), D(1, 4)), (a.EarlyStart, a.EarlyFinish)); // Mon, Tue, Thu
        Assert.Equal(D(1, 5), result.Find("B")!.EarlyStart);
        Assert.Equal(0, a.TotalFloat);
    }

    [Fact]
    public void Schedule_ResourceDayOffOnStartDay_StartsNextDayForThatResource()
    {
        var calendar = new WorkCalendar(resourceDaysOff: new Dictionary<string, IReadOnlyCollection<DateOnly>> { ["ann"] = [D(1, 1)] });
        var result = Run(new ScheduleInput(Jan1, [Act("A", 2) with { ResourceId = "ann" }, Act("B", 3)], []) { Calendar = calendar });

        var a = result.Find("A")!;
        Assert.Equal((D(1, 2), D(1, 3)), (a.EarlyStart, a.EarlyFinish));
        Assert.Equal(0, a.TotalFloat); // both A and B end on Wed 3rd
    }

    [Fact]
    public void Schedule_StartNoEarlierThan_DelaysAndGivesPredecessorFloat()
    {
        var result = Run(new ScheduleInput(
            Jan1,
            [Act("A", 2), Act("B", 2) with { Constraint = new(ConstraintKind.StartNoEarlierThan, D(1, 6)) }],
            [Fs("A", "B")]));

        var b = result.Find("B")!;
        Assert.Equal((D(1, 8), D(1, 9)), (b.EarlyStart, b.EarlyFinish)); // a Saturday constraint means Monday
        Assert.Equal(3, result.Find("A")!.TotalFloat);
        Assert.Equal(3, result.Find("A")!.FreeFloat);
        Assert.Equal([["B"]], result.CriticalPaths);
    }

    [Fact]
    public void Schedule_FixedDateMilestone_SitsOnItsDate()
    {
        var result = Run(new ScheduleInput(
            Jan1,
            [Act("A", 3), Act("M", 0) with { Constraint = new(ConstraintKind.MustFinishOn, D(1, 12)) }],
            [Fs("A", "M")]));

        var m = result.Find("M")!;
        Assert.Equal((D(1, 12), D(1, 12)), (m.EarlyStart, m.EarlyFinish));
        Assert.Equal(0, m.TotalFloat);
        Assert.Equal(7, result.Find("A")!.TotalFloat);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Schedule_FixedDateBeforeLogicAllows_KeepsDateWarnsAndFloatGoesNegative()
    {
        var result = Run(new ScheduleInput(
            Jan1,
            [Act("A", 10), Act("M", 0) with { Constraint = new(ConstraintKind.MustFinishOn, D(1, 5)) }],
            [Fs("A", "M")]));

        Assert.Equal(D(1, 5), result.Find("M")!.EarlyFinish);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("M", D(1, 12)), (warning.ActivityId, warning.LogicDate));
        Assert.Equal(-5, result.Find("A")!.TotalFloat);
        Assert.Equal(-5, result.CriticalFloat);
    }

    [Fact]
    public void Schedule_MilestoneAfterTask_IsDatedTheTaskFinishAndSuccessorStartsNextDay()
    {
        var result = Run(new ScheduleInput(Jan1, [Act("A", 5), Act("M", 0), Act("B", 1)], [Fs("A", "M"), Fs("M", "B")]));

        Assert.Equal(D(1, 5), result.Find("M")!.EarlyStart);
        Assert.Equal(D(1, 5), result.Find("M")!.EarlyFinish);
        Assert.Equal(D(1, 8), result.Find("B")!.EarlyStart);
    }

    [Fact]
    public void Schedule_DeadlineTooEarly_NegativeFloatOnTheLongestPath()
    {
        var result = Run(ClassicOne() with { Deadline = D(1, 16) });

        Assert.Equal(-2, result.CriticalFloat);
        Assert.Equal(-2, result.Find("A")!.TotalFloat);
        Assert.Equal(2, result.Find("C")!.TotalFloat);
        Assert.Equal([["A", "B", "D", "F"]], result.CriticalPaths);
        Assert.Equal(D(1, 16), result.Find("F")!.LateFinish);
    }

    [Fact]
    public void Schedule_DeadlineWithRoom_PositiveCriticalFloat()
    {
        var result = Run(ClassicOne() with { Deadline = D(1, 22) });

        Assert.Equal(2, result.CriticalFloat);
        Assert.True(result.Find("B")!.IsCritical);
        Assert.False(result.Find("C")!.IsCritical);
    }

    [Fact]
    public void Schedule_EmptyPlan_FinishesOnStartWithNoCriticalPath()
    {
        var result = Run(new ScheduleInput(Jan1, [], []));

        Assert.Empty(result.Activities);
        Assert.Empty(result.CriticalPaths);
        Assert.Equal(Jan1, result.ProjectFinish);
        Assert.Equal(0, result.DurationDays);
    }

    [Fact]
    public void Schedule_SingleActivity_IsTheCriticalPath()
    {
        var result = Run(new ScheduleInput(Jan1, [Act("A", 1)], []));

        var a = Assert.Single(result.Activities);
        Assert.Equal((Jan1, Jan1, Jan1, Jan1), (a.EarlyStart, a.EarlyFinish, a.LateStart, a.LateFinish));
        Assert.Equal([["A"]], result.CriticalPaths);
    }

    [Fact]
    public void Schedule_Cycle_RefusedNamingTheCycle()
    {
        var result = CpmScheduler.Schedule(new ScheduleInput(
            Jan1,
            [Act("X", 1), Act("A", 1), Act("B", 1), Act("C", 1)],
            [Fs("X", "A"), Fs("A", "B"), Fs("B", "C"), Fs("C", "A")]));

        Assert.False(result.Succeeded);
        Assert.Equal(ScheduleErrorKind.Cycle, result.Error!.Kind);
        Assert.Contains("A -> B -> C -> A", result.Error.Message);
        Assert.Equal("A -> B -> C -> A", result.Error.Cycle!.ToString());
    }

    [Fact]
    public void Schedule_SelfLink_RefusedAsCycle()
    {
        var result = CpmScheduler.Schedule(new ScheduleInput(Jan1, [Act("A", 1)], [Fs("A", "A")]));

        Assert.Equal("A -> A", result.Error!.Cycle!.ToString());
    }

    [Theory]
    [InlineData(ScheduleErrorKind.UnknownActivity)]
    [InlineData(ScheduleErrorKind.DuplicateActivity)]
    [InlineData(ScheduleErrorKind.NegativeDuration)]
    public void Schedule_InvalidPlan_Refused(ScheduleErrorKind kind)
    {
        var input = kind switch
        {
            ScheduleErrorKind.UnknownActivity => new ScheduleInput(Jan1, [Act("A", 1)], [Fs("A", "Z")]),
            ScheduleErrorKind.DuplicateActivity => new ScheduleInput(Jan1, [Act("A", 1), Act("A", 2)], []),
            _ => new ScheduleInput(Jan1, [Act("A", -1)], []),
        };

        Assert.Equal(kind, CpmScheduler.Schedule(input).Error!.Kind);
    }

    [Fact]
    public void FindCycle_CandidateClosingLoop_NamesIt()
    {
        var cycle = CpmScheduler.FindCycle([Fs("A", "B"), Fs("B", "C")], Fs("C", "A"));

        Assert.Equal("C -> A -> B -> C", cycle!.ToString());
    }

    [Fact]
    public void FindCycle_CandidateWithoutLoop_ReturnsNull()
    {
        Assert.Null(CpmScheduler.FindCycle([Fs("A", "B"), Fs("B", "C")], Fs("A", "C")));
        Assert.Null(CpmScheduler.FindCycle([Fs("A", "B"), Fs("B", "C"), Fs("A", "C")]));
    }

    [Fact]
    public void FindCycle_ExistingLinks_NamesTheLoop()
    {
        Assert.Equal("B -> C -> D -> B", CpmScheduler.FindCycle([Fs("A", "B"), Fs("B", "C"), Fs("C", "D"), Fs("D", "B")])!.ToString());
    }
}
