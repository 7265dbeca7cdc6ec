using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Features.Calendar;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Checkins;

/// <summary><c>checkin template list</c>: the built-in templates and the workspace's own.</summary>
public sealed class ListTemplates : ICommandHandler
{
    public CommandSpec Spec { get; } = new("checkin template list", Access.Anyone, []);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var own = await context.Store.ListCheckinTemplatesAsync(context.Workspace.Id, cancellationToken);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var name in BuiltInTemplates.Names)
            rows.Add([name, t["checkin.template." + name], t["checkin.builtin"], BuiltInTemplates.Questions(name).Count.ToString(t.Culture)]);
        foreach (var template in own.Where(x => x.BuiltIn is null))
            rows.Add([template.Name, template.Name, t["checkin.custom"], (await context.Store.ListCheckinQuestionsAsync(template.Id, cancellationToken)).Count.ToString(t.Culture)]);
        return BotReply.Of(new MessageBuilder()
            .Heading(t["checkin.templates_title"])
            .Table([t["field.name"], t["checkin.field.title"], t["checkin.field.kind"], t["checkin.field.questions"]], rows)
            .Context(t["checkin.templates_hint"])
            .Build());
    }
}

/// <summary><c>checkin template show NAME</c>: a template's questions.</summary>
public sealed class ShowTemplate : ICommandHandler
{
    public CommandSpec Spec { get; } = new("checkin template show", Access.Anyone, [new("template", ParamKind.Text)]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var name = command.Text("template")!;
        if (await Templates.FindAsync(context.Store, context.Workspace.Id, name, context.Now, cancellationToken) is not { } loaded)
            return Replies.Error(t["checkin.template_not_found", name]);
        var rows = loaded.Questions.Select(q => (IReadOnlyList<string>)
        [
            q.Position.ToString(t.Culture),
            Templates.QuestionText(t, q),
            Templates.KindName(t, q.Kind) + (q.ChoiceList.Count > 0 ? $" ({string.Join(" | ", q.ChoiceList)})" : ""),
            q.Required ? "✔" : "",
        ]).ToList();
        return BotReply.Of(new MessageBuilder()
            .Heading(t["checkin.template_title", Templates.Title(t, loaded.Template), loaded.Template.Name])
            .Table(["#", t["checkin.field.question"], t["checkin.field.kind"], t["checkin.field.required"]], rows)
            .Context(loaded.Template.BuiltIn is null ? t["checkin.template_edit_hint", loaded.Template.Name] : t["checkin.template_copy_hint", loaded.Template.Name])
            .Build());
    }
}

/// <summary><c>checkin template create NAME [from TEMPLATE]</c> (PMs): a new template, empty or a copy.</summary>
public sealed class CreateTemplate : ICommandHandler
{
    public CommandSpec Spec { get; } = new("checkin template create", Access.Anyone,
        [new("template", ParamKind.Text), new("source", ParamKind.Text, Required: false, Keyword: "from")]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        if (!await WorkspacePm.IsPmAsync(context, cancellationToken))
            return WorkspacePm.Refusal(context);
        var name = command.Text("template")!.Trim().ToLowerInvariant();
        if (!Templates.IsValidName(name))
            return Replies.Error(t["checkin.bad_template_name", name]);
        if (BuiltInTemplates.Names.Contains(name) || await context.Store.FindCheckinTemplateAsync(context.Workspace.Id, name, cancellationToken) is not null)
            return Replies.Error(t["checkin.template_exists", name]);
        Templates.Loaded? source = null;
        if (command.Text("source") is { } from && (source = await Templates.FindAsync(context.Store, context.Workspace.Id, from, context.Now, cancellationToken)) is null)
            return Replies.Error(t["checkin.template_not_found", from]);
        var template = new CheckinTemplate { WorkspaceId = context.Workspace.Id, Name = name, CreatedByMemberId = context.Member.Id, CreatedAt = context.Now };
        context.Store.Add(template);
        foreach (var q in source?.Questions ?? [])
        {
            // A copy of a built-in question is written out in the author's language, so it can be edited.
            context.Store.Add(new CheckinQuestion
            {
                TemplateId = template.Id, Position = q.Position, Kind = q.Kind, Text = Templates.QuestionText(t, q), Choices = q.Choices, Required = q.Required,
            });
        }
        return BotReply.Of(new MessageBuilder()
            .Text("✅ " + t["checkin.template_created", name, source?.Questions.Count ?? 0])
            .Context(t["checkin.template_edit_hint", name])
            .Actions(new ActionButton(t["checkin.button.show_template"], $"checkin template show {name}"))
            .Build());
    }
}

/// <summary><c>checkin template add-question NAME KIND "text" [choices "a|b"] [required yes|no]</c> (PMs).</summary>
public sealed class AddQuestion : ICommandHandler
{
    public CommandSpec Spec { get; } = new("checkin template add-question", Access.Anyone,
    [
        new("template", ParamKind.Text),
        new("kind", ParamKind.Choice, Choices: Templates.KindWords),
        new("question", ParamKind.Text),
        new("choices", ParamKind.Text, Required: false, Keyword: "choices"),
        new("required", ParamKind.Choice, Required: false, Keyword: "required", Choices: ["yes", "no"]),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        if (!await WorkspacePm.IsPmAsync(context, cancellationToken))
            return WorkspacePm.Refusal(context);
        var (template, error) = await TemplateEdit.EditableAsync(context, command.Text("template")!, cancellationToken);
        if (template is null)
            return error!;
        var kind = Templates.KindOf(command.Text("kind")!);
        var text = command.Text("question")!.Trim();
        if (text.Length > CheckinQuestion.MaxTextLength)
            return Replies.Error(t["parse.too_long", t["param.question"], CheckinQuestion.MaxTextLength]);
        var choices = command.Text("choices")?.Split(['|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (kind == QuestionKind.Choice && choices.Length < 2)
            return Replies.Error(t["checkin.choices_needed"]);
        if (kind != QuestionKind.Choice && choices.Length > 0)
            return Replies.Error(t["checkin.choices_only_for_choice"]);
        var joined = string.Join('|', choices);
        if (joined.Length > CheckinQuestion.MaxChoicesLength)
            return Replies.Error(t["parse.too_long", t["param.choices"], CheckinQuestion.MaxChoicesLength]);
        if (template.Questions.Count >= CheckinTemplate.MaxQuestions)
            return Replies.Error(t["checkin.too_many_questions", CheckinTemplate.MaxQuestions]);
        var position = template.Questions.Count + 1;
        context.Store.Add(new CheckinQuestion
        {
            TemplateId = template.Template.Id, Position = position, Kind = kind, Text = text, Choices = choices.Length > 0 ? joined : null,
            Required = command.Text("required") == "yes",
        });
        return BotReply.Of(new MessageBuilder()
            .Text("✅ " + t["checkin.question_added", position, text, template.Template.Name])
            .Actions(new ActionButton(t["checkin.button.show_template"], $"checkin template show {template.Template.Name}"))
            .Build());
    }
}

/// <summary><c>checkin template remove-question NAME N</c> (PMs): later questions move up.</summary>
public sealed class RemoveQuestion : ICommandHandler
{
    public CommandSpec Spec { get; } = new("checkin template remove-question", Access.Anyone,
        [new("template", ParamKind.Text), new("number", ParamKind.Integer)]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        if (!await WorkspacePm.IsPmAsync(context, cancellationToken))
            return WorkspacePm.Refusal(context);
        var (template, error) = await TemplateEdit.EditableAsync(context, command.Text("template")!, cancellationToken);
        if (template is null)
            return error!;
        var number = command.Integer("number")!.Value;
        var question = template.Questions.FirstOrDefault(q => q.Position == number);
        if (question is null)
            return Replies.Error(t["checkin.no_such_question", number, template.Template.Name, template.Questions.Count]);
        context.Store.Remove(question);
        foreach (var later in template.Questions.Where(q => q.Position > number))
            later.Position--;
        return BotReply.Of(OutboundMessage.Text("✅ " + t["checkin.question_removed", number, question.Text, template.Template.Name]));
    }
}

/// <summary>Only a workspace's own templates are edited; built-in ones are copied first.</summary>
internal static class TemplateEdit
{
    public static async Task<(Templates.Loaded? Template, BotReply? Error)> EditableAsync(CommandContext context, string name, CancellationToken cancellationToken)
    {
        var t = context.T;
        var key = name.Trim().ToLowerInvariant();
        if (BuiltInTemplates.Names.Contains(key))
            return (null, Replies.Error(t["checkin.builtin_readonly", key]));
        var template = await context.Store.FindCheckinTemplateAsync(context.Workspace.Id, key, cancellationToken);
        return template is null
            ? (null, Replies.Error(t["checkin.template_not_found", key]))
            : (new Templates.Loaded(template, await context.Store.ListCheckinQuestionsAsync(template.Id, cancellationToken)), null);
    }
}
