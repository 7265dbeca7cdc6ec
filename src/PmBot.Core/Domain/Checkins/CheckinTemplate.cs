namespace PmBot.Core.Domain;

/// <summary>What a question asks for. Stored as text, so never rename.</summary>
public enum QuestionKind
{
    /// <summary>Free text.</summary>
    Text,

    /// <summary>Yes or no (answer number 1 or 0).</summary>
    YesNo,

    /// <summary>1 to 5 (answer number).</summary>
    Scale,

    /// <summary>One of the question's <see cref="CheckinQuestion.Choices"/>.</summary>
    Choice,

    /// <summary>A percent for each of the member's open tasks in the project; updates the plan.</summary>
    TaskProgress,

    /// <summary>Text and optionally a task; becomes a tracked <see cref="Blocker"/>.</summary>
    Blocker,
}

/// <summary>
/// A named list of questions in a workspace. Built-in templates (<see cref="BuiltIn"/> set) are copied into a workspace
/// the first time they are used and read-only there; <c>checkin template create NAME from standup</c> makes an editable copy.
/// </summary>
public sealed class CheckinTemplate
{
    public const int MaxNameLength = 40;
    public const int MaxQuestions = 10;

    public Guid Id { get; init; } = NewId.Next();
    public required Guid WorkspaceId { get; init; }

    /// <summary>Lower-case, unique in the workspace: <c>standup</c>, <c>pulse</c>, <c>design-review</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The built-in template this is (standup, weekly, pulse, retro); null for a workspace's own.</summary>
    public string? BuiltIn { get; init; }

    public Guid? CreatedByMemberId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>One question of a template, at a 1-based position.</summary>
public sealed class CheckinQuestion
{
    public const int MaxTextLength = 300;
    public const int MaxChoicesLength = 500;

    public Guid Id { get; init; } = NewId.Next();
    public required Guid TemplateId { get; init; }
    public required int Position { get; set; }
    public required QuestionKind Kind { get; init; }

    /// <summary>The question as its author wrote it; for built-in questions empty, <see cref="TextKey"/> holds it.</summary>
    public string Text { get; init; } = "";

    /// <summary>The localization key of a built-in question (asked in each member's language).</summary>
    public string? TextKey { get; init; }

    /// <summary>For <see cref="QuestionKind.Choice"/>: the options, separated by '|'.</summary>
    public string? Choices { get; init; }

    public bool Required { get; init; }

    public IReadOnlyList<string> ChoiceList => Choices?.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}

/// <summary>The templates every workspace has.</summary>
public static class BuiltInTemplates
{
    public const string Standup = "standup";
    public const string Weekly = "weekly";
    public const string Pulse = "pulse";
    public const string Retro = "retro";

    public static readonly IReadOnlyList<string> Names = [Standup, Weekly, Pulse, Retro];

    /// <summary>The questions of a built-in template: kind, localization key, required.</summary>
    public static IReadOnlyList<(QuestionKind Kind, string TextKey, bool Required)> Questions(string name) => name switch
    {
        Standup =>
        [
            (QuestionKind.Text, "checkin.q.yesterday", true),
            (QuestionKind.Text, "checkin.q.today", true),
            (QuestionKind.Blocker, "checkin.q.blockers", false),
            (QuestionKind.TaskProgress, "checkin.q.progress", false),
        ],
        Weekly =>
        [
            (QuestionKind.Text, "checkin.q.achieved", true),
            (QuestionKind.Text, "checkin.q.next_week", true),
            (QuestionKind.YesNo, "checkin.q.on_track", true),
            (QuestionKind.TaskProgress, "checkin.q.progress", false),
            (QuestionKind.Blocker, "checkin.q.risks", false),
        ],
        Pulse =>
        [
            (QuestionKind.Scale, "checkin.q.satisfaction", true),
            (QuestionKind.Text, "checkin.q.should_know", false),
            (QuestionKind.Text, "checkin.q.decisions", false),
        ],
        Retro =>
        [
            (QuestionKind.Text, "checkin.q.went_well", true),
            (QuestionKind.Text, "checkin.q.went_badly", true),
            (QuestionKind.Text, "checkin.q.try_next", false),
            (QuestionKind.Scale, "checkin.q.sprint_feel", false),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a built-in template."),
    };

    /// <summary>Who a built-in template asks when a schedule names nobody: stakeholders for the pulse, else the team.</summary>
    public static AudienceRole DefaultAudience(string? builtIn) => builtIn == Pulse ? AudienceRole.Stakeholders : AudienceRole.Team;

    /// <summary>The days a schedule of the template asks on unless told: weekly ones (weekly, pulse, retro) on Fridays, others Monday to Friday.</summary>
    public static Weekdays DefaultDays(string? builtIn) => builtIn is Weekly or Pulse or Retro ? Weekdays.Friday : Weekdays.MondayToFriday;
}
