using PmBot.Core.Domain;
using PmBot.Core.Features.Digest.Sections;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Ports;

namespace PmBot.Core.Features.Digest;

/// <summary>The PM's daily digest: a heading, then each section in order, one message (channels paginate it).</summary>
public static class DigestBuilder
{
    /// <summary>The digest's sections, in order.</summary>
    public static IReadOnlyList<IDigestSection> DefaultSections { get; } =
    [
        new ParticipationSection(),
        new BlockersSection(),
        new TasksSection(),
        new MilestonesSection(),
        new EarnedValueSection(),
        new BudgetSection(),
        new PulseSection(),
        new ChartSection(),
    ];

    public static async Task<OutboundMessage> BuildAsync(ProjectData data, Localizer t, TimeZoneInfo zone, CancellationToken cancellationToken, IReadOnlyList<IDigestSection>? sections = null)
    {
        var project = data.Project;
        var since = TimeZoneInfo.ConvertTime(data.Since, zone);
        var builder = new MessageBuilder()
            .Heading(t["digest.title", project.Key, project.Name])
            .Context(t["digest.period", t.Date(data.Today), since.ToString("ddd", t.Culture), t.Date(DateOnly.FromDateTime(since.DateTime)), since.ToString("HH:mm", t.Culture), zone.Id]);
        var headlines = new List<string>();
        // What the default sections compute starts early (sections given by the caller read what they need themselves).
        if (sections is null)
            await data.PrepareAsync(cancellationToken);
        foreach (var section in sections ?? DefaultSections)
        {
            var part = await section.BuildAsync(data, t, cancellationToken);
            foreach (var block in part.Blocks)
                builder.Add(block);
            if (part.Headline is { Length: > 0 } headline)
                headlines.Add(headline);
        }
        var title = t["digest.fallback", project.Key, t.Date(data.Today)];
        return builder.Fallback(headlines.Count == 0 ? title : title + ": " + string.Join(" · ", headlines)).Build();
    }

    /// <summary>
    /// The data of a PM's digest for <paramref name="today"/> (their local date): what happened since their previous digest
    /// (their digest time on the last working day before, skipping holidays and their own days away), up to <paramref name="now"/>.
    /// With <paramref name="charts"/> and <paramref name="files"/> the digest carries a chart.
    /// </summary>
    public static async Task<ProjectData> DataForAsync(IPmStore store, Workspace workspace, Project project, Member pm, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken,
        IChartRenderer? charts = null, IFilePublisher? files = null)
    {
        var setting = await store.FindDigestSettingAsync(project.Id, pm.Id, cancellationToken);
        // Days without a digest: holidays, and the PM's own days away.
        var from = today.AddDays(-14);
        var skipped = (await store.ListHolidaysAsync(workspace.Id, from, cancellationToken)).Select(h => h.Date).ToHashSet();
        foreach (var absence in await store.ListAbsencesOfMemberAsync(pm.Id, from, cancellationToken))
        {
            for (var day = absence.From < from ? from : absence.From; day <= absence.To && day < today; day = day.AddDays(1))
                skipped.Add(day);
        }
        var previous = DigestClock.PreviousDigestDay(today, workspace.WorkingDays, skipped);
        var since = DigestClock.At(previous, setting?.LocalTime ?? DigestSetting.DefaultLocalTime, Dispatching.MemberClock.Zone(pm));
        return new ProjectData(store, workspace, project, today, since, now) { Charts = charts, Files = files };
    }
}
