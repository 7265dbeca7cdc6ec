using PmBot.Core.Domain;
using PmBot.Core.Ports;

namespace PmBot.Core.Dispatching;

/// <summary>Which project a command means: the key given, else this conversation's default, else the member's only project.</summary>
public static class ProjectResolver
{
    public sealed record Result(Project? Project, string? ErrorKey, object[] ErrorArgs);

    public static async Task<Result> ResolveAsync(IPmStore store, Workspace workspace, Member member, string conversationId, string? key, CancellationToken cancellationToken)
    {
        if (key is not null)
        {
            var byKey = await store.FindProjectAsync(workspace.Id, key, cancellationToken);
            return byKey is null ? new Result(null, "error.project_not_found", [key]) : new Result(byKey, null, []);
        }
        var binding = await store.FindConversationProjectAsync(workspace.Id, conversationId, cancellationToken);
        if (binding is not null && await store.GetProjectAsync(binding.ProjectId, cancellationToken) is { } bound)
            return new Result(bound, null, []);
        var memberships = await store.ListMembershipsOfMemberAsync(member.Id, cancellationToken);
        if (memberships.Count == 1 && await store.GetProjectAsync(memberships[0].ProjectId, cancellationToken) is { } only)
            return new Result(only, null, []);
        return new Result(null, "error.no_project_selected", []);
    }
}
