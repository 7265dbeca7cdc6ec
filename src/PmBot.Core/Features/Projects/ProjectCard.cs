using PmBot.Core.Domain;
using PmBot.Core.Localization;
using PmBot.Core.Messages;

namespace PmBot.Core.Features.Projects;

/// <summary>The card that shows one project, used by <c>project create</c>, <c>project show</c> and <c>project use</c>.</summary>
public static class ProjectCard
{
    public static OutboundMessage Build(Localizer t, Project project, Member? pm, int memberCount, string? headline = null)
    {
        var builder = new MessageBuilder();
        if (headline is not null)
            builder.Text(headline);
        builder.Heading($"{project.Key} · {project.Name}")
            .Fields(
                new Field(t["field.key"], project.Key),
                new Field(t["field.status"], t.Status(project.Status)),
                new Field(t["field.pm"], pm?.DisplayName ?? t["common.none"]),
                new Field(t["field.members"], memberCount.ToString(t.Culture)),
                new Field(t["field.start"], t.Date(project.PlannedStart)),
                new Field(t["field.finish"], t.Date(project.PlannedFinish)));
        if (!string.IsNullOrWhiteSpace(project.Goal))
            builder.Text($"*{t["field.goal"]}:* {project.Goal}");
        if (!string.IsNullOrWhiteSpace(project.ScopeStatement))
            builder.Text($"*{t["field.scope"]}:* {project.ScopeStatement}");
        return builder
            .Actions(
                new ActionButton(t["button.members"], $"member list project {project.Key}"),
                new ActionButton(t["button.add_member"], $"member add project {project.Key}", ButtonStyle.Primary),
                new ActionButton(t["button.use_here"], $"project use {project.Key}"))
            .Fallback($"{project.Key} · {project.Name}")
            .Build();
    }
}
