using PmBot.Core.Domain;
using PmBot.Core.Localization;
using PmBot.Core.Ports;

namespace PmBot.Core.Features.Checkins;

/// <summary>Finding templates by name, built-in ones included (copied into the workspace on first use), and their texts.</summary>
public static class Templates
{
    /// <summary>A template with its questions.</summary>
    public sealed record Loaded(CheckinTemplate Template, IReadOnlyList<CheckinQuestion> Questions);

    /// <summary>Template names: lower-case letters, digits and dashes, starting with a letter.</summary>
    public static bool IsValidName(string name) =>
        name.Length is >= 2 and <= CheckinTemplate.MaxNameLength && name[0] is >= 'a' and <= 'z'
        && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');

    /// <summary>The workspace's template called <paramref name="name"/>; a built-in one is copied in (staged) the first time.</summary>
    public static async Task<Loaded?> FindAsync(IPmStore store, Guid workspaceId, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = name.Trim().ToLowerInvariant();
        var template = await store.FindCheckinTemplateAsync(workspaceId, key, cancellationToken);
        if (template is not null)
            return new Loaded(template, await store.ListCheckinQuestionsAsync(template.Id, cancellationToken));
        if (!BuiltInTemplates.Names.Contains(key))
            return null;
        template = new CheckinTemplate { WorkspaceId = workspaceId, Name = key, BuiltIn = key, CreatedAt = now };
        store.Add(template);
        var questions = BuiltInTemplates.Questions(key)
            .Select((q, i) => new CheckinQuestion { TemplateId = template.Id, Position = i + 1, Kind = q.Kind, TextKey = q.TextKey, Required = q.Required })
            .ToList();
        foreach (var question in questions)
            store.Add(question);
        return new Loaded(template, questions);
    }

    public static async Task<Loaded?> GetAsync(IPmStore store, Guid templateId, CancellationToken cancellationToken) =>
        await store.GetCheckinTemplateAsync(templateId, cancellationToken) is { } template
            ? new Loaded(template, await store.ListCheckinQuestionsAsync(template.Id, cancellationToken))
            : null;

    /// <summary>How a template is called in messages: a built-in one in the reader's language, else its name.</summary>
    public static string Title(Localizer t, CheckinTemplate template) =>
        template.BuiltIn is { } builtIn ? t["checkin.template." + builtIn] : template.Name;

    public static string QuestionText(Localizer t, CheckinQuestion question) =>
        question.TextKey is { } key ? t[key] : question.Text;

    public static string KindName(Localizer t, QuestionKind kind) => t["checkin.kind." + KindWord(kind)];

    /// <summary>The word for a kind in commands: text, yesno, scale, choice, progress, blocker.</summary>
    public static string KindWord(QuestionKind kind) => kind switch
    {
        QuestionKind.YesNo => "yesno",
        QuestionKind.TaskProgress => "progress",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static readonly IReadOnlyList<string> KindWords = [.. Enum.GetValues<QuestionKind>().Select(KindWord)];

    public static QuestionKind KindOf(string word) => Enum.GetValues<QuestionKind>().First(k => KindWord(k) == word);

    /// <summary>True when a free-text reply can answer the whole template: it has exactly one question, a text one.</summary>
    public static bool TakesFreeText(IReadOnlyList<CheckinQuestion> questions) => questions is [{ Kind: QuestionKind.Text }];
}
