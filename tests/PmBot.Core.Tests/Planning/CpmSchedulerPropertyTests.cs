using CsCheck;
using PmBot.Core.Planning;

namespace PmBot.Core.Tests.Planning;

public class CpmSchedulerPropertyTests
{
    /// <summary>Random DAGs: links only go from a lower to a higher number, activities are listed in shuffled order.</summary>
    private static readonly Gen<ScheduleInput> Plans =
        from n in Gen.Int[1, 30]
        from durations in Gen.Int[0, 8].Array[n]
        from links in Gen.Select(Gen.Int[0, n - 1], Gen.Int[0, n - 1], Gen.Enum<DependencyType>(), Gen.Int[-3, 3]).Array[0, 3 * n]
        from shuffle in Gen.Shuffle(Enumerable.Range(0, n).ToArray())
        select new ScheduleInput(
            new DateOnly(2024, 1, 3),
            shuffle.Select(i => new PlannedActivity($"T{i}", durations[i])).ToList(),
            links.Where(l => l.Item1 != l.Item2)
                .Select(l => new Dependency($"T{Math.Min(l.Item1, l.Item2)}", $"T{Math.Max(l.Item1, l.Item2)}", l.Item3, l.Item4))
                .ToList());

    private static ScheduleResult Schedule(ScheduleInput input)
    {
        var result = CpmScheduler.Schedule(input);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result;
    }

    [Fact]
    public void Schedule_RandomDag_NoActivityStartsBeforeItsLinksAllow()
    {
        Plans.Sample(input =>
        {
            var result = Schedule(input);
            foreach (var link in input.Dependencies)
            {
                var p = result.Find(link.PredecessorId)!;
                var s = result.Find(link.SuccessorId)!;
                var ok = link.Type switch
                {
                    DependencyType.FinishToStart => s.EarlyStartOffset >= p.EarlyFinishOffset + link.LagDays,
                    DependencyType.StartToStart => s.EarlyStartOffset >= p.EarlyStartOffset + link.LagDays,
                    DependencyType.FinishToFinish => s.EarlyFinishOffset >= p.EarlyFinishOffset + link.LagDays,
                    _ => s.EarlyFinishOffset >= p.EarlyStartOffset + link.LagDays,
                };
                Assert.True(ok, $"{link} broken");
            }
            Assert.All(result.Activities, a => Assert.True(a.EarlyStartOffset >= 0));
        }, iter: 300);
    }

    [Fact]
    public void Schedule_RandomDag_FloatsAreNonNegativeAndEarlyNotAfterLate()
    {
        Plans.Sample(input =>
        {
            var result = Schedule(input);
            Assert.Equal(0, result.CriticalFloat);
            foreach (var a in result.Activities)
            {
                Assert.True(a.TotalFloat >= 0);
                Assert.InRange(a.FreeFloat, 0, a.TotalFloat);
                Assert.True(a.EarlyStart <= a.LateStart && a.EarlyFinish <= a.LateFinish);
                Assert.True(a.LateFinishOffset <= result.DurationDays);
            }
        }, iter: 300);
    }

    [Fact]
    public void Schedule_RandomDag_CriticalPathsHaveZeroFloatAndRunStartToFinish()
    {
        Plans.Sample(input =>
        {
            var result = Schedule(input);
            Assert.NotEmpty(result.CriticalPaths);
            var linked = input.Dependencies.Select(l => (l.PredecessorId, l.SuccessorId)).ToHashSet();
            foreach (var path in result.CriticalPaths)
            {
                Assert.All(path, id => Assert.Equal(0, result.Find(id)!.TotalFloat));
                Assert.Equal(0, result.Find(path[0])!.EarlyStartOffset);
                Assert.Equal(result.DurationDays, result.Find(path[^1])!.EarlyFinishOffset);
                for (var k = 1; k < path.Count; k++)
                    Assert.Contains((path[k - 1], path[k]), linked);
            }
            Assert.All(result.Activities.Where(a => a.IsCritical), a => Assert.Equal(0, a.TotalFloat));
        }, iter: 300);
    }

    [Fact]
    public void Schedule_RandomDag_TopologicalOrderPutsPredecessorsFirst()
    {
        Plans.Sample(input =>
        {
            var result = Schedule(input);
            var position = result.TopologicalOrder.Select((id, k) => (id, k)).ToDictionary(x => x.id, x => x.k);
            Assert.Equal(input.Activities.Count, position.Count);
            Assert.All(input.Dependencies, l => Assert.True(position[l.PredecessorId] < position[l.SuccessorId]));
        }, iter: 200);
    }

    [Fact]
    public void Schedule_RandomDagPlusBackLink_RefusedWithACycleMadeOfRealLinks()
    {
        Plans.Where(p => p.Dependencies.Count > 0).Sample(input =>
        {
            var forward = input.Dependencies[0];
            var back = new Dependency(forward.SuccessorId, forward.PredecessorId);
            var result = CpmScheduler.Schedule(input with { Dependencies = [.. input.Dependencies, back] });

            var cycle = result.Error!.Cycle!.Path;
            Assert.Equal(cycle[0], cycle[^1]);
            var linked = result.Error.Cycle.Path.Zip(cycle.Skip(1)).ToList();
            var all = input.Dependencies.Append(back).Select(l => (l.PredecessorId, l.SuccessorId)).ToHashSet();
            Assert.All(linked, pair => Assert.Contains(pair, all));
            Assert.NotNull(CpmScheduler.FindCycle(input.Dependencies, back));
        }, iter: 200);
    }
}
