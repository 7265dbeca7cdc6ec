using System.Globalization;
using PmBot.Core.Domain;
using PmBot.Core.Localization;
using PmBot.Core.Messages;

namespace PmBot.Core.Features.Checkins;

/// <summary>
/// Which check-in an answer form or button is about: the schedule's number and the member's local date
/// (<c>s3-20270104</c>); the member is whoever answers. Prefixes every input name of the answer form.
/// </summary>
public sealed record OccurrenceKey(int ScheduleNumber, DateOnly LocalDate)
{
    public override string ToString() => $"s{ScheduleNumber.ToString(CultureInfo.InvariantCulture)}-{LocalDate:yyyyMMdd}";

    public static bool TryParse(string? text, out OccurrenceKey key)
    {
        key = new OccurrenceKey(0, default);
        if (text is null || text.Length < 11 || text[0] != 's')
            return false;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 2 || !int.TryParse(text.AsSpan(1, dash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || !DateOnly.TryParseExact(text[(dash + 1)..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return false;
        key = new OccurrenceKey(number, date);
        return true;
    }
}

/// <summary>The messages of a check-in: prompt, reminder, the day's summary post and an answer in its thread.</summary>
public static class CheckinMessages
{
    public static string LocalTime(DateTimeOffset instant, string zoneId, Localizer t) =>
        TimeZoneInfo.ConvertTime(instant, Dispatching.MemberClock.Zone(zoneId)).ToString("HH:mm", t.Culture);

    public static OutboundMessage Prompt(Localizer t, CheckinTemplate template, IReadOnlyList<CheckinQuestion> questions, Project project,
        OccurrenceKey key, DateTimeOffset windowEndsAt, string zoneId)
    {
        var title = Templates.Title(t, template);
        var list = string.Join('\n', questions.Select(q => $"{q.Position}. {Templates.QuestionText(t, q)}"));
        var hint = Templates.TakesFreeText(questions) ? t["checkin.prompt.reply_hint"] : t["checkin.prompt.form_hint"];
        return new MessageBuilder()
            .Heading(t["checkin.prompt.title", title, project.Key])
            .Text(list)
            .Context(t["checkin.prompt.until", LocalTime(windowEndsAt, zoneId, t)] + " " + hint)
            .Actions(new ActionButton(t["checkin.button.answer"], $"checkin answer {key}", ButtonStyle.Primary))
            .Fallback(t["checkin.prompt.title", title, project.Key])
            .Build();
    }

    public static OutboundMessage Reminder(Localizer t, CheckinTemplate template, Project project, OccurrenceKey key, DateTimeOffset windowEndsAt, string zoneId)
    {
        var text = t["checkin.reminder", Templates.Title(t, template), project.Key, LocalTime(windowEndsAt, zoneId, t)];
        return new MessageBuilder()
            .Text("⏰ " + text)
            .Actions(new ActionButton(t["checkin.button.answer"], $"checkin answer {key}", ButtonStyle.Primary))
            .Fallback(text)
            .Build();
    }

    public static OutboundMessage SummaryPost(Localizer t, CheckinTemplate template, Project project, DateOnly date) =>
        new MessageBuilder()
            .Heading(t["checkin.summary.title", Templates.Title(t, template), project.Key, t.Date(date)])
            .Context(t["checkin.summary.thread_hint"])
            .Build();

    /// <summary>One member's answers as posted in the day's thread (or shown back to them).</summary>
    public static OutboundMessage Answers(Localizer t, Member member, IReadOnlyList<CheckinQuestion> questions, IReadOnlyDictionary<Guid, CheckinAnswer> answers,
        CheckinOccurrence occurrence)
    {
        var flags = new List<string>();
        if (occurrence.Late)
            flags.Add(t["checkin.flag.late"]);
        if (occurrence.EditedAt is not null)
            flags.Add(t["checkin.flag.edited"]);
        var head = $"*{member.DisplayName}*" + (flags.Count > 0 ? $" ({string.Join(", ", flags)})" : "");
        var fields = questions
            .Select(q => new Field(Templates.QuestionText(t, q), answers.TryGetValue(q.Id, out var a) && a.Text.Length > 0 ? a.Text : t["common.none"]))
            .ToArray();
        return new MessageBuilder().Text(head).Fields(fields).Fallback(head).Build();
    }
}
