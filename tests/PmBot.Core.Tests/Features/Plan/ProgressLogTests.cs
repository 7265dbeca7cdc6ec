using PmBot.Core.Domain;
using PmBot.Core.Features.Plan;

namespace PmBot.Core.Tests.Features.Plan;

public class ProgressLogTests
{
    private static DateOnly D(int day) => new(2026, 3, day);

    private static readonly WorkItem Task = new() { ProjectId = Guid.NewGuid(), Number = 1, Name = "Build", PercentComplete = 70, RemainingHours = 4 };

    private static ProgressSnapshot At(int day, int percent, decimal? remaining = null) =>
        new() { ProjectId = Task.ProjectId, WorkItemId = Task.Id, Date = D(day), PercentComplete = percent, RemainingHours = remaining };

    [Theory]
    [InlineData(1, 0, null)] // before the first report
    [InlineData(3, 20, 30.0)]
    [InlineData(4, 20, 30.0)]
    [InlineData(5, 70, 4.0)]
    [InlineData(30, 70, 4.0)]
    public void AsOf_Date_TakesTheLatestSnapshotOnOrBeforeIt(int day, int percent, double? remaining)
    {
        var history = new[] { At(3, 20, 30), At(5, 70, 4) };

        Assert.Equal((percent, (decimal?)remaining), ProgressLog.AsOf(Task, history, D(day)));
    }

    [Fact]
    public void AsOf_NoSnapshotAtAll_UsesTheCurrentValues()
    {
        Assert.Equal((70, (decimal?)4), ProgressLog.AsOf(Task, [], D(1)));
    }

    [Fact]
    public void Refusal_FutureOrBeforeTheLatestReport_IsRefused()
    {
        var latest = At(5, 70);

        Assert.Equal("progress.future", ProgressLog.Refusal(D(10), D(9), latest)?.Key);
        Assert.Equal("progress.before_latest", ProgressLog.Refusal(D(4), D(9), latest)?.Key);
        Assert.Null(ProgressLog.Refusal(D(5), D(9), latest));
        Assert.Null(ProgressLog.Refusal(D(9), D(9), null));
    }
}
