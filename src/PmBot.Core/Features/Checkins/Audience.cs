using PmBot.Core.Domain;
using PmBot.Core.Ports;

namespace PmBot.Core.Features.Checkins;

/// <summary>Who a schedule asks: its named members, or the project's members of its audience role.</summary>
public static class Audience
{
    public static async Task<IReadOnlyList<Member>> MembersAsync(IPmStore store, CheckinSchedule schedule, CancellationToken cancellationToken)
    {
        var ids = await IdsAsync(store, schedule, cancellationToken);
        var members = new List<Member>(ids.Count);
        foreach (var member in await store.ListMembersAsync(schedule.WorkspaceId, cancellationToken))
        {
            if (ids.Contains(member.Id))
                members.Add(member);
        }
        return members;
    }

    public static async Task<bool> IncludesAsync(IPmStore store, CheckinSchedule schedule, Guid memberId, CancellationToken cancellationToken) =>
        (await IdsAsync(store, schedule, cancellationToken)).Contains(memberId);

    private static async Task<HashSet<Guid>> IdsAsync(IPmStore store, CheckinSchedule schedule, CancellationToken cancellationToken)
    {
        if (schedule.Audience == AudienceRole.Named)
            return (await store.ListCheckinScheduleMembersAsync(schedule.Id, cancellationToken)).Select(m => m.MemberId).ToHashSet();
        return (await store.ListMembershipsAsync(schedule.ProjectId, cancellationToken))
            .Where(m => schedule.Audience switch
            {
                AudienceRole.Stakeholders => m.Role == ProjectRole.Stakeholder,
                AudienceRole.Team => m.Role >= ProjectRole.Member,
                _ => true,
            })
            .Select(m => m.MemberId)
            .ToHashSet();
    }
}
