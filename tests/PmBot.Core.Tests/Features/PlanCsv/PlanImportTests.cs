using PmBot.Core.Domain;
using PmBot.Core.Features.PlanCsv;
using PmBot.Core.Planning;

namespace PmBot.Core.Tests.Features.PlanCsv;

public class PlanImportTests
{
    private static readonly Guid Workspace = Guid.NewGuid();

    internal static readonly IReadOnlyList<Member> People =
    [
        new() { WorkspaceId = Workspace, ExternalUserId = "bob", DisplayName = "Bob Smith" },
        new() { WorkspaceId = Workspace, ExternalUserId = "U1", DisplayName = "Carla Díaz" },
        new() { WorkspaceId = Workspace, ExternalUserId = "U2", DisplayName = "Carla Ruiz" },
        new() { WorkspaceId = Workspace, ExternalUserId = "wei", DisplayName = "王伟" },
    ];

    private static ImportCheck Valid(string csv)
    {
        var check = PlanImport.Check(csv, People);
        Assert.True(check.IsValid, string.Join("\n", check.Errors.Select(e => $"{e.Line}: {e.Key} {string.Join(", ", e.Args)}")));
        return check;
    }

    /// <summary>Asserts exactly these (line, key) problems, in line order.</summary>
    private static IReadOnlyList<RowError> Invalid(string csv, params (int Line, string Key)[] expected)
    {
        var check = PlanImport.Check(csv, People);
        Assert.Equal(expected, check.Errors.Select(e => (e.Line, e.Key)));
        return check.Errors;
    }

    [Fact]
    public void Check_ValidPlan_ReadsEveryColumn()
    {
        var check = Valid("""
            id,name,parent,duration_days,effort_hours,fixed_cost,owner,predecessors,deliverable,description,acceptance_criteria,start_no_earlier_than
            1,Design,,,,,,,yes,The design phase,,
            1.1,Specs,1,3,24.5,1200,@bob,,no,,Signed off by the PM,2027-01-06
            1.2,Review,1,1,8,,Carla Díaz,"1.1FS+2, 1.3SS",,"two
            lines",,
            1.3,Prototype,1,0,,,王伟,,,,,
            """);

        Assert.Equal(["1", "1.1", "1.2", "1.3"], check.Rows.Select(r => r.Key));
        Assert.Equal([2, 3, 4, 6], check.Rows.Select(r => r.Line));
        var specs = check.Rows[1];
        Assert.Equal(("1", 3, 24.5m, 1200m, "Bob Smith"), (specs.ParentKey, specs.DurationDays, specs.EffortHours, specs.FixedCost, specs.Owner?.DisplayName));
        Assert.Equal((false, "Signed off by the PM", new DateOnly(2027, 1, 6)), (specs.Deliverable, specs.AcceptanceCriteria, specs.StartNoEarlierThan));
        Assert.Equal([new PredecessorRef("1.1", DependencyType.FinishToStart, 2), new PredecessorRef("1.3", DependencyType.StartToStart, 0)], check.Rows[2].Predecessors);
        Assert.Equal("two\nlines", check.Rows[2].Description);
        Assert.Equal((true, 1, "The design phase"), (check.Rows[0].Deliverable, check.Rows[0].DurationDays, check.Rows[0].Description));
        Assert.Equal((4, 2, 2), (check.Rows.Count, check.LinkCount, check.Levels));
    }

    [Fact]
    public void Check_ColumnsInAnyOrderAndCase_AreRecognised()
    {
        var check = Valid("Predecessors,Duration Days,NAME,Id\n,2,Design,A\nA,3,Build,B\n");

        Assert.Equal([2, 3], check.Rows.Select(r => r.DurationDays));
        Assert.Equal("A", Assert.Single(check.Rows[1].Predecessors).RowId);
    }

    [Fact]
    public void Check_UnknownAndComputedColumns_AreReportedNotImported()
    {
        var check = Valid("id,name,colour,early_start,Notes\n1,Design,red,2027-01-04,x\n");

        Assert.Equal(["colour", "Notes"], check.UnknownColumns);
        Assert.Equal(["early_start"], check.ComputedColumns);
    }

    [Fact]
    public void Check_SemicolonFileWithDecimalCommaBomAndFence_IsRead()
    {
        var check = Valid("```csv\n\uFEFFid;name;effort_hours;fixed_cost\n1;Design, phase 1;12,5;1000\n```");

        Assert.Equal(("Design, phase 1", 12.5m, 1000m), (check.Rows[0].Name, check.Rows[0].EffortHours, check.Rows[0].FixedCost));
    }

    [Theory]
    [InlineData("3", "3", DependencyType.FinishToStart, 0)]
    [InlineData("3ss", "3", DependencyType.StartToStart, 0)]
    [InlineData("3FF-1", "3", DependencyType.FinishToFinish, -1)]
    [InlineData("3 SF + 2d", "3", DependencyType.StartToFinish, 2)]
    [InlineData("APOLLO-3", "APOLLO-3", DependencyType.FinishToStart, 0)]
    [InlineData("apollo-3FS+10", "APOLLO-3", DependencyType.FinishToStart, 10)]
    [InlineData("APOLLO-31", "APOLLO-31", DependencyType.FinishToStart, 0)]
    public void Check_PredecessorForms_NameTheLongestRowIdThenTypeAndLag(string written, string row, DependencyType type, int lag)
    {
        var check = Valid($"id,name,predecessors\n3,A,\nAPOLLO-3,B,\nAPOLLO-31,C,\nX,D,\"{written}\"\n");

        Assert.Equal(new PredecessorRef(row, type, lag), Assert.Single(check.Rows[^1].Predecessors));
    }

    [Theory]
    [InlineData("bob")]
    [InlineData("@bob")]
    [InlineData("Bob Smith")]
    [InlineData("@\"Bob Smith\"")]
    [InlineData("<@bob>")]
    public void Check_OwnerWrittenAnyWay_IsTheMember(string owner)
    {
        Assert.Equal("bob", Valid($"name,owner\nDesign,{owner}\n").Rows[0].Owner?.ExternalUserId);
    }

    [Fact]
    public void Check_ProtectedFormulaText_LosesItsApostrophe()
    {
        Assert.Equal("=1+1 review", Valid("name\n'=1+1 review\n").Rows[0].Name);
    }

    [Fact]
    public void Check_EveryBadRow_IsReportedWithItsLine()
    {
        var errors = Invalid("""
            id,name,parent,duration_days,effort_hours,fixed_cost,owner,predecessors,deliverable,start_no_earlier_than
            1,Design,,2,,,,,,
            2,,,1,,,,,,
            3,Build,9,x,,,,,,
            4,Test,,2.5,-1,1 000,,,,
            5,Docs,,1,,,@nobody,8FS,maybe,2027-13-01
            5,Again,,1,,,Carla,,,
            6,Self,6,1,,,,6,,
            7,Twice,,1,,,,"1, 1",,
            """,
            (3, "missing_name"),
            (4, "unknown_parent"), (4, "bad_days"),
            (5, "bad_days"), (5, "bad_number"), (5, "bad_number"),
            (6, "unknown_owner"), (6, "unknown_predecessor"), (6, "bad_date"), (6, "bad_yes_no"),
            (7, "duplicate_id"), (7, "ambiguous_owner"),
            (8, "own_parent"), (8, "own_predecessor"),
            (9, "duplicate_predecessor"));

        Assert.Equal(["9"], errors[1].Args);
        Assert.Equal(["x", PlanImport.MaxDays], errors[2].Args);
        Assert.Equal(["effort_hours", "-1"], errors[4].Args);
        Assert.Equal(["fixed_cost", "1 000"], errors[5].Args);
        Assert.Equal(["5", 6], errors[10].Args);
        Assert.Equal(["Carla", "Carla Díaz, Carla Ruiz"], errors[11].Args);
    }

    [Fact]
    public void Check_DependencyLoops_AreEachNamedWithTheirRowsAndLines()
    {
        var errors = Invalid("""
            id,name,predecessors
            a,A,c
            b,B,a
            c,C,b
            d,D,
            e,E,f
            f,F,e
            """,
            (2, "cycle"), (6, "cycle"));

        Assert.Equal(["a -> b -> c -> a", "2, 3, 4"], errors[0].Args);
        Assert.Equal(["e -> f -> e", "6, 7"], errors[1].Args);
    }

    [Fact]
    public void Check_ParentLoop_IsNamedOnce()
    {
        var errors = Invalid("id,name,parent\n1,A,2\n2,B,1\n3,C,1\n", (2, "parent_loop"));

        Assert.Equal(["1 -> 2 -> 1", "2, 3"], errors[0].Args);
    }

    [Fact]
    public void Check_LinksAndConstraintsOnRowsWithSubTasks_AreRefused()
    {
        Invalid("""
            id,name,parent,predecessors,start_no_earlier_than
            1,Phase,,,2027-01-04
            1.1,Task,1,,
            2,Other,,1,
            3,Later,,2,
            1.2,Task,1,3,
            """,
            (2, "summary_constraint"), (4, "summary_link"));
    }

    [Fact]
    public void Check_UnquotedSeparatorInAName_IsReportedAsExtraFields()
    {
        var errors = Invalid("id,name,duration_days\n1,Design, build,3\n2,Test,1,\n", (2, "extra_fields"), (2, "bad_days"));

        Assert.Equal([4, 3, ","], errors[0].Args);
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("id,title\n1,Design\n", 1, "no_name_column")]
    [InlineData("id,name\n\n", 1, "no_rows")]
    [InlineData("id,name,Name\n1,a,b\n", 1, "duplicate_column")]
    [InlineData("id,name\n1,a\n2,\"b\n3,c\n", 3, "unclosed_quote")]
    public void Check_UnusableFile_SaysWhyAtItsLine(string csv, int line, string key)
    {
        Invalid(csv, (line, key));
    }

    [Fact]
    public void Check_TooManyRows_IsRefused()
    {
        var csv = "name\n" + string.Concat(Enumerable.Range(1, PlanImport.MaxRows + 1).Select(i => $"Task {i}\n"));

        Invalid(csv, (PlanImport.MaxRows + 2, "too_many_rows"));
    }

    [Fact]
    public void Build_ValidCheck_NumbersItemsInFileOrderWithParentsOwnersAndLinks()
    {
        var check = Valid("id,name,parent,duration_days,owner,predecessors,start_no_earlier_than\n2,Build,1,5,bob,2.0FS+1,\n1,Phase,,,,,\n2.0,Design,1,3,,,2027-02-01\n");
        var project = Guid.NewGuid();

        var (items, links) = check.Build(project, 7, DateTimeOffset.UnixEpoch);

        Assert.Equal([(7, "Build"), (8, "Phase"), (9, "Design")], items.Select(i => (i.Number, i.Name)));
        Assert.Equal([items[1].Id, null, items[1].Id], items.Select(i => i.ParentId));
        Assert.Equal(People[0].Id, items[0].OwnerMemberId);
        Assert.Equal(new DateOnly(2027, 2, 1), items[2].StartNoEarlierThan);
        var link = Assert.Single(links);
        Assert.Equal((items[2].Id, items[0].Id, DependencyType.FinishToStart, 1, project), (link.PredecessorId, link.SuccessorId, link.Type, link.LagDays, link.ProjectId));
    }

    [Fact]
    public void Unfence_FenceWithTheCsvOnItsFirstLine_KeepsThatLine()
    {
        Assert.Equal("id,name\n1,a\n", PlanImport.Unfence("```id,name\n1,a\n```"));
        Assert.Equal("id,name\n", PlanImport.Unfence("```csv\nid,name\n```"));
        Assert.Equal("id,name", PlanImport.Unfence("id,name"));
    }
}
