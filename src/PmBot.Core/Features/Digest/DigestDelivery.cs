using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Localization;
using PmBot.Core.Outbox;
using PmBot.Core.Ports;

namespace PmBot.Core.Features.Digest;

/// <summary>One PM's digest of one project for one of their local dates, due at <see cref="DueAt"/>.</summary>
public sealed record DueDigest(Guid ProjectId, Guid PmId, DateOnly LocalDate, DateTimeOffset DueAt)
{
    public string Key => DigestSetting.OutboxKey(ProjectId, PmId, LocalDate);
}

/// <summary>
/// Plans the PMs' daily digests. A recurring job runs <see cref="DueAsync"/> every few minutes: each PM whose digest
/// time (their own zone; default 08:00) falls within <see cref="Lead"/> ahead (or at most <see cref="CatchUp"/> behind,
/// after downtime) gets their digest built by <see cref="TryEnqueueAsync"/> and written to the outbox with that due
/// time, so it leaves on time. The outbox key (project, PM, local date) makes it once per day, whatever runs twice.
/// </summary>
public static class DigestDelivery
{
    /// <summary>How far ahead a digest is built and queued (more than the job's period, so none is late).</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromMinutes(10);

    /// <summary>How late a missed digest is still sent (after downtime); older ones are skipped.</summary>
    public static readonly TimeSpan CatchUp = TimeSpan.FromHours(2);

    /// <summary>The digests due around <paramref name="now"/> on the workspaces' working days (queued ones included: <see cref="TryEnqueueAsync"/> skips them).</summary>
    public static async Task<IReadOnlyList<DueDigest>> DueAsync(IPmStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = new List<DueDigest>();
        foreach (var recipient in await store.ListDigestRecipientsAsync(cancellationToken))
        {
            if (!recipient.Enabled)
                continue;
            var zone = MemberClock.Zone(recipient.Pm);
            var today = DigestClock.LocalDate(now, zone);
            foreach (var date in (DateOnly[])[today.AddDays(-1), today, today.AddDays(1)])
            {
                var at = DigestClock.At(date, recipient.LocalTime, zone);
                if (at <= now + Lead && at >= now - CatchUp && recipient.Workspace.WorkingDays.Contains(date.DayOfWeek))
                    due.Add(new DueDigest(recipient.Project.Id, recipient.Pm.Id, date, at));
            }
        }
        return due;
    }

    /// <summary>
    /// Builds the digest and stages it in the outbox, due at its time; false (nothing staged) when it was queued already,
    /// the day is a holiday, the PM is away, or the PM or project is gone. The caller commits. With <paramref name="charts"/>
    /// and <paramref name="files"/> the digest carries a chart.
    /// </summary>
    public static async Task<bool> TryEnqueueAsync(IPmStore store, DueDigest digest, DateTimeOffset now, CancellationToken cancellationToken,
        IChartRenderer? charts = null, IFilePublisher? files = null)
    {
        if (await store.OutboxMessageExistsAsync(digest.Key, cancellationToken))
            return false;
        if (await store.GetProjectAsync(digest.ProjectId, cancellationToken) is not { } project
            || await store.GetMemberAsync(digest.PmId, cancellationToken) is not { } pm
            || await store.GetWorkspaceAsync(project.WorkspaceId, cancellationToken) is not { } workspace
            || (await store.FindMembershipAsync(project.Id, pm.Id, cancellationToken))?.Role != ProjectRole.Pm)
            return false;
        if (await store.FindHolidayAsync(workspace.Id, digest.LocalDate, cancellationToken) is not null
            || (await store.ListAbsencesOfMemberAsync(pm.Id, digest.LocalDate, cancellationToken)).Any(a => a.Covers(digest.LocalDate)))
            return false;
        var data = await DigestBuilder.DataForAsync(store, workspace, project, pm, digest.LocalDate, now, cancellationToken, charts, files);
        var message = await DigestBuilder.BuildAsync(data, Localizer.For(pm.Locale), MemberClock.Zone(pm), cancellationToken);
        store.Enqueue(new OutboxMessage
        {
            Channel = workspace.Channel,
            WorkspaceId = workspace.Id,
            ConversationId = pm.DirectConversationId ?? OutboxMessage.UserTargetPrefix + pm.ExternalUserId,
            IdempotencyKey = digest.Key,
            Payload = message.ToJson(),
            CreatedAt = now,
            NextAttemptAt = digest.DueAt > now ? digest.DueAt : now,
        });
        return true;
    }
}
