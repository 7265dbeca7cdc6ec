using PmBot.Core.Features.Resources;
using PmBot.Core.Localization;
using PmBot.Core.Planning;

namespace PmBot.Core.Tests.Features.Resources;

public class ShowWorkloadChartTests
{
    private static readonly DateOnly Week1 = new(2027, 1, 4);
    private static readonly DateOnly Week2 = Week1.AddDays(7);
    private static readonly DateOnly Week3 = Week1.AddDays(14);

    // Ann (40 h): 48 h in week 1 (120%, over); 16 h in week 2, a 4-day week (32 h: 50%); nothing in week 3.
    // Bob (0 h a week): no capacity.
    private static WorkloadReport Report() => new(
        [Week1, Week2, Week3],
        [
            new MemberWorkload("ann", 40, [new WeekLoad(Week1, 48, 40, []), new WeekLoad(Week2, 16, 32, []), new WeekLoad(Week3, 0, 40, [])]),
            new MemberWorkload("bob", 0, [new WeekLoad(Week1, 0, 0, []), new WeekLoad(Week2, 0, 0, []), new WeekLoad(Week3, 0, 0, [])]),
        ],
        [new OverAllocation("ann", Week1, 48, 40, ["APOLLO-1"])], [], []);

    [Fact]
    public void Chart_ShownWeeks_HoursScaledToAFullWeekPerMember()
    {
        var chart = ShowWorkload.Chart(Localizer.English, "Workload", Report(), [Week1, Week2], id => id.ToUpperInvariant());

        Assert.Equal([Week1, Week2], chart.Weeks);
        Assert.Equal(["ANN", "BOB"], chart.Members.Select(m => m.Name));
        var ann = chart.Members[0];
        Assert.Equal(40, ann.CapacityHoursPerWeek);
        // 48 h of 40: above the 100% line; 16 h of a 32-hour week is half of it: drawn as 20 of 40.
        Assert.Equal([48, 20], ann.Hours);
        Assert.Equal([0, 0], chart.Members[1].Hours);
        Assert.Equal(("% of capacity", "Capacity (100%)"), (chart.ValueAxisLabel, chart.CapacityLabel));
    }

    [Fact]
    public void Chart_WeekWithNoCapacity_DrawsTheHoursAsTheyAre()
    {
        var report = Report() with
        {
            Members = [new MemberWorkload("ann", 40, [new WeekLoad(Week1, 8, 0, []), new WeekLoad(Week2, 0, 40, []), new WeekLoad(Week3, 0, 40, [])])],
        };

        var chart = ShowWorkload.Chart(Localizer.English, "Workload", report, [Week1], id => id);

        Assert.Equal([8], chart.Members[0].Hours);
    }
}
