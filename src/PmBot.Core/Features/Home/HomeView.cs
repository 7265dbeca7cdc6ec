using PmBot.Core.Domain;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Ports;

namespace PmBot.Core.Features.Home;

/// <summary>A member's home page (the Slack App Home tab): their projects and quick actions.</summary>
public static class HomeView
{
    public static async Task<OutboundMessage> BuildAsync(IPmStore store, Member member, CancellationToken cancellationToken)
    {
        var t = Localizer.For(member.Locale);
        var builder = new MessageBuilder().Heading(t["home.title"]).Text(t["home.intro"]);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var membership in await store.ListMembershipsOfMemberAsync(member.Id, cancellationToken))
        {
            if (await store.GetProjectAsync(membership.ProjectId, cancellationToken) is { } project)
                rows.Add([project.Key, project.Name, t.Role(membership.Role), t.Status(project.Status), t.Date(project.PlannedFinish)]);
        }
        builder.Heading(t["home.my_projects"]);
        if (rows.Count == 0)
            builder.Text(t["home.no_projects"]);
        else
            builder.Table([t["field.key"], t["field.name"], t["field.my_role"], t["field.status"], t["field.finish"]], rows.OrderBy(r => r[0], StringComparer.Ordinal).ToList());
        return builder
            .Actions(
                new ActionButton(t["button.create_project"], "project create", ButtonStyle.Primary),
                new ActionButton(t["button.my_projects"], "project list"),
                new ActionButton(t["button.my_settings"], "me"),
                new ActionButton(t["button.all_commands"], "help"))
            .Fallback(t["home.title"])
            .Build();
    }
}
