using PmBot.Core.Csv;
using PmBot.Core.Domain;
using PmBot.Core.Features.Plan;
using PmBot.Core.Features.PlanCsv;
using PmBot.Core.Planning;

namespace PmBot.Core.Tests.Features.PlanCsv;

public class PlanExportTests
{
    private static readonly DateOnly Start = new(2027, 1, 4); // a Monday

    private static Project NewProject(string key) =>
        new() { WorkspaceId = Guid.NewGuid(), Key = key, Name = key, PmMemberId = Guid.NewGuid(), PlannedStart = Start };

    /// <summary>
    /// APOLLO: 1 Design (1.1 Specs, 1.2 Review), 2 Build, 3 "Docs, ""user"" guide", 4 =Launch (a milestone), with every link type,
    /// a lag and a lead, owners, and a start-no-earlier-than constraint.
    /// </summary>
    private static (Wbs Wbs, List<WorkItemLink> Links) Apollo()
    {
        var project = NewProject("APOLLO");
        WorkItem Item(int number, string name, int days, WorkItem? parent = null, Member? owner = null) =>
            new() { ProjectId = project.Id, Number = number, Name = name, DurationDays = days, ParentId = parent?.Id, OwnerMemberId = owner?.Id };
        var design = Item(1, "Design", 1);
        var specs = Item(2, "Specs", 3, design, PlanImportTests.People[0]);
        var review = Item(3, "Review, \"final\"", 1, design, PlanImportTests.People[1]);
        var build = Item(4, "构建", 5, owner: PlanImportTests.People[3]);
        var docs = Item(5, "Docs", 2);
        var launch = Item(6, "=Launch", 0);
        docs.StartNoEarlierThan = new DateOnly(2027, 1, 20);
        (build.EffortHours, build.FixedCost, build.IsDeliverable) = (37.5m, 1200m, true);
        (build.Description, build.AcceptanceCriteria) = ("Line 1\nline 2, with \"quotes\"", "=All tests green");
        WorkItemLink Link(WorkItem from, WorkItem to, DependencyType type = DependencyType.FinishToStart, int lag = 0) =>
            new() { ProjectId = project.Id, PredecessorId = from.Id, SuccessorId = to.Id, Type = type, LagDays = lag };
        return (new Wbs(project, [design, specs, review, build, docs, launch]),
        [
            Link(specs, review, lag: 1),
            Link(review, build),
            Link(build, docs, DependencyType.StartToStart, 2),
            Link(build, launch, DependencyType.FinishToFinish, -1),
            Link(docs, launch, DependencyType.StartToFinish),
        ]);
    }

    private static PlanData Data(Wbs wbs, List<WorkItemLink> links, IReadOnlyDictionary<Guid, PlanBaselineItem>? baseline = null)
    {
        var schedule = CpmScheduler.Schedule(new ScheduleInput(Start,
            wbs.Items.Where(i => !wbs.HasChildren(i)).Select(i => new PlannedActivity(wbs.ShortId(i), i.DurationDays)
            {
                Constraint = i.StartNoEarlierThan is { } d ? new ActivityConstraint(ConstraintKind.StartNoEarlierThan, d) : null,
            }).ToList(),
            links.Select(l => new Dependency(wbs.ShortId(wbs.Get(l.PredecessorId)), wbs.ShortId(wbs.Get(l.SuccessorId)), l.Type, l.LagDays)).ToList()));
        Assert.True(schedule.Succeeded);
        return new PlanData(wbs, links, PlanImportTests.People, schedule, baseline ?? new Dictionary<Guid, PlanBaselineItem>());
    }

    /// <summary>The tree and links by outline code, so two projects can be compared.</summary>
    private static List<string> Structure(Wbs wbs, IEnumerable<WorkItemLink> links) =>
    [
        .. wbs.InOutlineOrder.Select(i => $"{wbs.Outline[i.Id]} {i.Name} {i.DurationDays}d owner={i.OwnerMemberId} snet={i.StartNoEarlierThan} effort={i.EffortHours} cost={i.FixedCost} deliverable={i.IsDeliverable} desc={i.Description} criteria={i.AcceptanceCriteria}"),
        .. links.Select(l => $"{wbs.Outline[l.PredecessorId]} -> {wbs.Outline[l.SuccessorId]} {l.Type} {l.LagDays}").Order(),
    ];

    [Fact]
    public void Plan_ImportedIntoANewProject_GivesTheSameStructureAndLinks()
    {
        var (wbs, links) = Apollo();
        var csv = PlanExport.Plan(Data(wbs, links));

        var check = PlanImport.Check(csv, PlanImportTests.People);
        Assert.True(check.IsValid, string.Join("\n", check.Errors.Select(e => $"{e.Line}: {e.Key} {string.Join(", ", e.Args)}")));
        Assert.Empty(check.UnknownColumns);
        var copy = NewProject("COPY");
        var (items, copiedLinks) = check.Build(copy.Id, 1, DateTimeOffset.UnixEpoch);

        Assert.Equal(Structure(wbs, links), Structure(new Wbs(copy, items), copiedLinks));
    }

    [Fact]
    public void Plan_TwoRoundTrips_WriteTheSameFileAgain()
    {
        var (wbs, links) = Apollo();
        var csv = PlanExport.Plan(Data(wbs, links));
        var (items, copied) = PlanImport.Check(csv, PlanImportTests.People).Build(wbs.Project.Id, 1, DateTimeOffset.UnixEpoch);

        Assert.Equal(csv, PlanExport.Plan(Data(new Wbs(wbs.Project, items), [.. copied])));
    }

    [Fact]
    public void Plan_Rows_CarryScheduleBaselineAndProgress()
    {
        var (wbs, links) = Apollo();
        var specs = wbs.Items[1];
        specs.ReportProgress(50, new DateOnly(2027, 1, 5));
        var baseline = new Dictionary<Guid, PlanBaselineItem>
        {
            [specs.Id] = new() { BaselineId = Guid.NewGuid(), WorkItemId = specs.Id, Start = Start, Finish = new DateOnly(2027, 1, 5), DurationDays = 2 },
        };

        var rows = Rows(PlanExport.Plan(Data(wbs, links, baseline)));

        Assert.Equal(PlanExport.PlanHeader, rows[0]);
        // Specs: 3 days from Monday 4 January; baselined to finish on the 5th; half done. Docs may not start before the
        // 20th, so Docs drives the finish and Specs has 4 days of float.
        Assert.Equal(["1.1", "APOLLO-2", "Specs", "APOLLO-1", "3", "Bob Smith", "", "", "", "", "", "", "", "2027-01-04", "2027-01-06", "4", "no", "2027-01-04", "2027-01-05", "50", "2027-01-05", "", "in_progress"], rows[2]);
        Assert.Equal(["2027-01-20", "2027-01-21", "0", "yes"], rows[5].Skip(13).Take(4));
        // Design spans its tasks and has no progress or float of its own.
        Assert.Equal(["1", "APOLLO-1", "Design", "", "1", "", "", "", "", "", "", "", "", "2027-01-04", "2027-01-08", "", "", "2027-01-04", "2027-01-05", "", "", "", ""], rows[1]);
        Assert.Equal("APOLLO-2FS+1", rows[3][11]);
        Assert.Equal("'=Launch", rows[6][2]);
        Assert.Equal("APOLLO-4FF-1, APOLLO-5SF", rows[6][11]);
        Assert.Equal(("王伟", "2027-01-20"), (rows[4][5], rows[5][12]));
    }

    [Fact]
    public void Plan_OwnerWhoseNameIsShared_IsWrittenByChannelId()
    {
        var (wbs, links) = Apollo();
        var twin = new Member { WorkspaceId = Guid.NewGuid(), ExternalUserId = "U9", DisplayName = "Bob Smith" };
        var data = Data(wbs, links) with { Members = [.. PlanImportTests.People, twin] };

        Assert.Equal("bob", Rows(PlanExport.Plan(data))[2][5]);
    }

    [Fact]
    public void Progress_Tasks_ShowSlipAgainstTheBaselineAtActualOrForecastFinish()
    {
        var (wbs, links) = Apollo();
        var specs = wbs.Items[1];
        var build = wbs.Items[3];
        specs.ReportProgress(100, new DateOnly(2027, 1, 11)); // finished Monday 11th, baselined for Wednesday 6th
        var baseline = new Dictionary<Guid, PlanBaselineItem>
        {
            [specs.Id] = new() { BaselineId = Guid.NewGuid(), WorkItemId = specs.Id, Start = Start, Finish = new DateOnly(2027, 1, 6), DurationDays = 3 },
            [build.Id] = new() { BaselineId = Guid.NewGuid(), WorkItemId = build.Id, Start = Start, Finish = new DateOnly(2027, 1, 18), DurationDays = 5 },
        };

        var rows = Rows(PlanExport.Progress(Data(wbs, links, baseline)));

        Assert.Equal(PlanExport.ProgressHeader, rows[0]);
        Assert.Equal(["1.1", "1.2", "2", "3", "4"], rows.Skip(1).Select(r => r[0]));
        Assert.Equal(["1.1", "APOLLO-2", "Specs", "Bob Smith", "done", "100", "2027-01-11", "2027-01-11", "2027-01-04", "2027-01-06", "2027-01-04", "2027-01-06", "3"], rows[1]);
        // Build is forecast (from the plan's logic) to finish on Friday 15th: one working day before its baseline (Monday 18th).
        Assert.Equal(["2027-01-15", "-1"], new[] { rows[3][9], rows[3][12] });
        Assert.Equal("", rows[2][12]);
    }

    private static List<IReadOnlyList<string>> Rows(string csv)
    {
        Assert.True(CsvReader.TryRead(csv, out var document, out _));
        return document.Records.Select(r => r.Fields).ToList();
    }
}
