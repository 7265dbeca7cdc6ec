using PmBot.Core.Planning;

namespace PmBot.Core.Tests.Planning;

public class BurnDownTests
{
    private static DateOnly D(int day) => new(2027, 1, day);

    // Today is Friday 8 January. Design (3 d) ran Mon 4 to Wed 6; Build (5 d) started Thu 7 and is 40% done;
    // Docs (2 d) has not started; the launch milestone has no duration.
    private static readonly BurnDownTask[] Tasks =
    [
        new(3, 100, D(4), D(6)),
        new(5, 40, D(7), null),
        new(2, 0, null, null),
        new(0, 0, null, null),
    ];

    [Fact]
    public void Remaining_Today_IsDurationTimesWhatIsLeft()
    {
        Assert.Equal(10, BurnDown.Total(Tasks));
        // 0 + 5 × 0.6 + 2 = 5
        Assert.Equal(5, BurnDown.Remaining(Tasks, D(8), D(8)), 6);
    }

    [Fact]
    public void Remaining_InThePast_SpreadsEachTasksProgressOverItsActualDays()
    {
        // Mon 4: Design is 1/3 done (1 of its 3 days). Tue 5: 2/3. Wed 6: done. Thu 7: Build is at half of its 40% (day 1 of 2).
        Assert.Equal(10 - 1, BurnDown.Remaining(Tasks, D(4), D(8)), 6);
        Assert.Equal(10 - 2, BurnDown.Remaining(Tasks, D(5), D(8)), 6);
        Assert.Equal(10 - 3, BurnDown.Remaining(Tasks, D(6), D(8)), 6);
        Assert.Equal(10 - 3 - 1, BurnDown.Remaining(Tasks, D(7), D(8)), 6);
        Assert.Equal(10, BurnDown.Remaining(Tasks, D(3), D(8)), 6);
    }

    [Fact]
    public void Actual_FromStartToToday_NeverRisesAndEndsAtTodaysRemaining()
    {
        var line = BurnDown.Actual(Tasks, D(4), D(8));

        Assert.Equal([D(4), D(5), D(6), D(7), D(8)], line.Select(p => p.Date));
        Assert.Equal(5, line[^1].Remaining, 6);
        Assert.True(line.Zip(line.Skip(1)).All(p => p.Second.Remaining <= p.First.Remaining));
    }

    [Fact]
    public void Actual_LongProject_IsThinnedToAtMostMaxPointsAndStillEndsToday()
    {
        var today = D(1).AddDays(400);

        var line = BurnDown.Actual(Tasks, D(1), today);

        Assert.InRange(line.Count, 2, BurnDown.MaxPoints);
        Assert.Equal(D(1), line[0].Date);
        Assert.Equal(today, line[^1].Date);
    }

    [Fact]
    public void Actual_BeforeTheStart_IsOnePointWithAllTheWork()
    {
        var line = BurnDown.Actual(Tasks, D(11), D(8));

        Assert.Equal([(D(11), 10.0)], line);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(6, 5)]
    [InlineData(11, 0)]
    [InlineData(20, 0)]
    public void Ideal_StraightFromAllWorkAtTheStartToNoneAtTheFinish(int day, double expected) =>
        Assert.Equal(expected, BurnDown.Ideal(10, D(1), D(11), D(day)), 6);

    [Fact]
    public void DoneShare_ProgressReportedWithoutAStartDate_CountsFromToday()
    {
        var task = new BurnDownTask(4, 50, null, null);

        Assert.Equal(0, BurnDown.DoneShare(task, D(7), D(8)));
        Assert.Equal(0.5, BurnDown.DoneShare(task, D(8), D(8)), 6);
    }

    [Fact]
    public void DoneShare_WithHistory_FollowsTheLatestReportOnOrBeforeTheDay()
    {
        // Build (5 d): 20% on Thu 7, 40% on Fri 8; its actual start would spread it differently.
        var build = new BurnDownTask(5, 40, D(7), null) { History = [new(D(7), 20), new(D(8), 40)] };

        Assert.Equal(0, BurnDown.DoneShare(build, D(6), D(8)));
        Assert.Equal(0.2, BurnDown.DoneShare(build, D(7), D(8)), 6);
        Assert.Equal(0.4, BurnDown.DoneShare(build, D(8), D(8)), 6);
        Assert.False(build.IsReconstructed);
    }

    [Fact]
    public void Remaining_MixedHistoryAndNone_ReconstructsOnlyTasksWithoutReports()
    {
        // Design finished Wed 6 with reports 50% on Mon 4 and 100% on Wed 6; Build has progress but no report.
        BurnDownTask[] tasks = [new(3, 100, D(4), D(6)) { History = [new(D(4), 50), new(D(6), 100)] }, new(5, 40, D(7), null), new(2, 0, null, null)];

        // Tue 5: Design 3 × 0.5 left, Build not started yet (reconstructed from Thu 7), Docs 2: 1.5 + 5 + 2.
        Assert.Equal(8.5, BurnDown.Remaining(tasks, D(5), D(8)), 6);
        Assert.Equal([false, true, false], tasks.Select(t => t.IsReconstructed));
    }
}
