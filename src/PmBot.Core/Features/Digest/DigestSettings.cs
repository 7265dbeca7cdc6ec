using System.Globalization;
using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;

namespace PmBot.Core.Features.Digest;

/// <summary>
/// <c>digest time HH:MM [project KEY]</c>, <c>digest on</c>, <c>digest off</c> (PMs): when, and whether, this PM gets
/// the project's daily digest, in their own time zone.
/// </summary>
public sealed class DigestSettings : ICommandHandler
{
    private enum Change
    {
        Time,
        On,
        Off,
    }

    private readonly Change _change;

    private DigestSettings(Change change, CommandSpec spec)
    {
        _change = change;
        Spec = spec;
    }

    public CommandSpec Spec { get; }

    private static ParamSpec ProjectParam => new("project", ParamKind.ProjectKey, Required: false, Keyword: "project");

    public static DigestSettings Time() => new(Change.Time, new("digest time", Access.ProjectPm, [new("local_time", ParamKind.Text), ProjectParam]));

    public static DigestSettings On() => new(Change.On, new("digest on", Access.ProjectPm, [ProjectParam]));

    public static DigestSettings Off() => new(Change.Off, new("digest off", Access.ProjectPm, [ProjectParam]));

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        TimeOnly? time = null;
        if (_change == Change.Time)
        {
            if (!TryParseTime(command.Text("local_time")!, out var parsed))
                return Replies.Error(t["digest.bad_time", command.Text("local_time")!]);
            time = parsed;
        }
        var setting = await context.Store.FindDigestSettingAsync(project.Id, context.Member.Id, cancellationToken);
        if (setting is null)
        {
            setting = new DigestSetting { ProjectId = project.Id, MemberId = context.Member.Id };
            context.Store.Add(setting);
        }
        setting.LocalTime = time ?? setting.LocalTime;
        setting.Enabled = _change != Change.Off;
        setting.UpdatedAt = context.Now;

        var reply = setting.Enabled
            ? t["digest.scheduled", project.Key, setting.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture), context.Member.TimeZone]
            : t["digest.stopped", project.Key];
        return BotReply.Of(new MessageBuilder()
            .Text((setting.Enabled ? "⏰ " : "🔕 ") + reply)
            .Actions(new ActionButton(t["digest.button.now"], $"digest now project {project.Key}"))
            .Build());
    }

    /// <summary>"7:30", "07:30", "19:05" (24-hour clock).</summary>
    public static bool TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
