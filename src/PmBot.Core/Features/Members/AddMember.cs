using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Members;

/// <summary>
/// <c>member add @user pm|member|stakeholder [project KEY]</c> (PMs only): adds a person to the project or changes
/// their role, and tells them in their own chat through the outbox.
/// </summary>
public sealed class AddMember : ICommandHandler
{
    public static readonly IReadOnlyList<string> Roles = ["pm", "member", "stakeholder"];

    public CommandSpec Spec { get; } = new("member add", Access.ProjectPm,
    [
        new("user", ParamKind.Mention),
        new("role", ParamKind.Choice, Choices: Roles),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var found = await MemberLookup.FindAsync(context, command.Mention("user")!, cancellationToken);
        if (found.Member is not { } target)
            return Replies.Error(found.Error!);
        var role = command.Text("role") switch
        {
            "pm" => ProjectRole.Pm,
            "stakeholder" => ProjectRole.Stakeholder,
            _ => ProjectRole.Member,
        };

        var membership = await context.Store.FindMembershipAsync(project.Id, target.Id, cancellationToken);
        if (membership?.Role == role)
            return Replies.Error(t["member.already", target.DisplayName, t.Role(role), project.Key]);
        var otherPms = membership is { Role: ProjectRole.Pm } && role != ProjectRole.Pm
            ? (await context.Store.ListMembershipsAsync(project.Id, cancellationToken)).Where(m => m.Role == ProjectRole.Pm && m.MemberId != target.Id).ToList()
            : null;
        if (otherPms is { Count: 0 })
            return Replies.Error(t["member.last_pm", target.DisplayName, project.Key]);
        if (membership is null)
            context.Store.Add(new ProjectMembership { ProjectId = project.Id, MemberId = target.Id, Role = role, AddedAt = context.Now });
        else
            membership.Role = role;
        // The project's named PM stepped down: another PM takes the name (the earliest added).
        if (otherPms is not null && project.PmMemberId == target.Id)
            project.PmMemberId = otherPms.OrderBy(m => m.AddedAt).First().MemberId;

        if (target.Id != context.Member.Id)
        {
            var theirs = Localizer.For(target.Locale);
            var note = new MessageBuilder()
                .Text("👋 " + theirs["member.you_were_added", context.Member.DisplayName, project.Key, project.Name, theirs.Role(role)])
                .Actions(new ActionButton(theirs["button.show_project"], $"project show {project.Key}"))
                .Build();
            context.Notify(target, note, $"member-added:{project.Id}:{target.Id}:{context.Activity.Channel}:{context.Activity.DeliveryId}");
        }
        var key = membership is null ? "member.added" : "member.role_changed";
        return BotReply.Of(new MessageBuilder()
            .Text("✅ " + t[key, target.DisplayName, project.Key, t.Role(role)])
            .Actions(new ActionButton(t["button.members"], $"member list project {project.Key}"))
            .Build(), ReplyVisibility.Conversation);
    }
}

/// <summary>Finds the member a mention means: by channel id (creating them on first mention) or by name.</summary>
public static class MemberLookup
{
    public sealed record Result(Member? Member, string? Error);

    public static async Task<Result> FindAsync(CommandContext context, MentionRef mention, CancellationToken cancellationToken)
    {
        var t = context.T;
        if (mention.UserId is { } id)
        {
            var byId = await context.Store.FindMemberAsync(context.Workspace.Id, id, cancellationToken);
            if (byId is not null)
                return new Result(byId, null);
            // Mentioned through the channel's own picker: the person exists there even if they never talked to PmBot.
            var created = new Member
            {
                WorkspaceId = context.Workspace.Id,
                ExternalUserId = id,
                DisplayName = mention.Name ?? id,
                TimeZone = context.Workspace.DefaultTimeZone,
                Locale = context.Workspace.DefaultLocale,
                CreatedAt = context.Now,
            };
            context.Store.Add(created);
            return new Result(created, null);
        }
        var name = mention.Name!;
        var matches = Matching(await context.Store.ListMembersAsync(context.Workspace.Id, cancellationToken), name);
        return matches.Count switch
        {
            1 => new Result(matches[0], null),
            0 => new Result(null, t["member.unknown", name]),
            _ => new Result(null, t["member.ambiguous", name, string.Join(", ", matches.Select(m => m.DisplayName))]),
        };
    }

    /// <summary>The members a name means: those with that channel user id, else with that display name or first name (any case).</summary>
    public static IReadOnlyList<Member> Matching(IReadOnlyList<Member> all, string name)
    {
        var byId = all.Where(m => string.Equals(m.ExternalUserId, name, StringComparison.OrdinalIgnoreCase)).ToList();
        return byId.Count > 0 ? byId : all.Where(m => string.Equals(m.DisplayName, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(m.DisplayName.Split(' ')[0], name, StringComparison.OrdinalIgnoreCase)).ToList();
    }
}
