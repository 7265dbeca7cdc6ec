using PmBot.Core.Domain;
using PmBot.Core.Features.Plan;
using PmBot.Core.Planning;

namespace PmBot.Core.Tests.Features.Plan;

public class ScheduleOfTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    // Mon-Fri from Monday 2 March 2026: Spec (5 d, 2-6 Mar) → Build (5 d, 9-13 Mar) → Ship (milestone, 13 Mar).
    private static (Wbs Wbs, List<WorkItemLink> Links, WorkItem Spec, WorkItem Build, WorkItem Ship) Plan()
    {
        var project = new Project { WorkspaceId = Guid.NewGuid(), Key = "APOLLO", Name = "Apollo", PmMemberId = Guid.NewGuid(), PlannedStart = D(3, 2) };
        WorkItem Item(int number, string name, int days) => new() { ProjectId = project.Id, Number = number, Name = name, DurationDays = days };
        var spec = Item(1, "Spec", 5);
        var build = Item(2, "Build", 5);
        var ship = Item(3, "Ship", 0);
        ship.IsMilestone = true;
        WorkItemLink Link(WorkItem from, WorkItem to) => new() { ProjectId = project.Id, PredecessorId = from.Id, SuccessorId = to.Id, Type = DependencyType.FinishToStart };
        return (new Wbs(project, [spec, build, ship]), [Link(spec, build), Link(build, ship)], spec, build, ship);
    }

    [Fact]
    public void Forecast_NothingReportedBeforeTheStart_IsThePlan()
    {
        var (wbs, links, _, _, _) = Plan();

        var plan = ScheduleOf.Compute(wbs, links, D(2, 27))!;
        var forecast = ScheduleOf.Forecast(wbs, links, D(2, 27))!;

        Assert.Equal(D(3, 13), plan.ProjectFinish);
        Assert.Equal(plan.ProjectFinish, forecast.ProjectFinish);
    }

    [Fact]
    public void Forecast_TaskNotStartedWhenDue_StartsTodayAndMovesItsSuccessors()
    {
        var (wbs, links, _, _, _) = Plan();

        // Wednesday 4 March and Spec has not started: 4-10 Mar, Build 11-17 Mar.
        var forecast = ScheduleOf.Forecast(wbs, links, D(3, 4))!;

        Assert.Equal(D(3, 10), forecast.Find("APOLLO-1")!.EarlyFinish);
        Assert.Equal(D(3, 17), forecast.Find("APOLLO-3")!.EarlyFinish);
        Assert.Equal(D(3, 13), ScheduleOf.Compute(wbs, links, D(3, 4))!.ProjectFinish);
    }

    [Fact]
    public void Forecast_StartedTask_NeedsItsRemainingShareFromToday()
    {
        var (wbs, links, spec, _, _) = Plan();
        spec.ReportProgress(40, D(3, 2));

        // Friday 6 March, 40% of 5 days done: 3 days left (6, 9, 10 Mar); Build 11-17 Mar.
        var forecast = ScheduleOf.Forecast(wbs, links, D(3, 6))!;

        Assert.Equal(D(3, 10), forecast.Find("APOLLO-1")!.EarlyFinish);
        Assert.Equal(D(3, 17), forecast.ProjectFinish);
    }

    [Fact]
    public void Forecast_HoursLeftGiven_CountInWorkingDaysOfEightHours()
    {
        var (wbs, links, spec, _, _) = Plan();
        spec.ReportProgress(90, D(3, 2));
        spec.RemainingHours = 20;

        // 20 h = 3 days from Friday 6 March, whatever the percent says.
        var forecast = ScheduleOf.Forecast(wbs, links, D(3, 6))!;

        Assert.Equal(D(3, 10), forecast.Find("APOLLO-1")!.EarlyFinish);
    }

    [Fact]
    public void Forecast_FinishedEarly_PullsItsSuccessorsIn()
    {
        var (wbs, links, spec, _, _) = Plan();
        spec.ReportProgress(100, D(3, 4));

        // Spec finished on Wednesday 4 March: Build may start on the 5th and ends on the 11th.
        var forecast = ScheduleOf.Forecast(wbs, links, D(3, 4))!;

        Assert.Equal(D(3, 4), forecast.Find("APOLLO-1")!.EarlyFinish);
        Assert.Equal(D(3, 11), forecast.Find("APOLLO-2")!.EarlyFinish);
    }

    [Fact]
    public void Forecast_MustFinishOnConstraint_StillHolds()
    {
        var (wbs, links, _, _, ship) = Plan();
        ship.Constrain(new ActivityConstraint(ConstraintKind.MustFinishOn, D(3, 13)));

        var forecast = ScheduleOf.Forecast(wbs, links, D(3, 4))!;

        Assert.Equal(D(3, 13), forecast.Find("APOLLO-3")!.EarlyFinish);
    }
}
