using System.Globalization;
using System.Text;
using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Features.Members;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Parsing;
using PmBot.Core.Ports;

namespace PmBot.Core.Features.Participation;

/// <summary>
/// <c>checkin report [from DATE] [to DATE] [@user] [project KEY]</c> (PMs): check-in participation per member (last four
/// weeks by default): asked, answered, response rate, late, missed, current streak, average answer time, days away,
/// and the rate per week; the same figures per member and week as a CSV download when a file publisher is configured.
/// </summary>
public sealed class CheckinReport : ICommandHandler
{
    public const int DefaultDays = 28;
    public const int MaxDays = 366;

    /// <summary>The chat table shows the latest weeks; the CSV has all.</summary>
    public const int MaxWeekColumns = 6;

    public CommandSpec Spec { get; } = new("checkin report", Access.ProjectPm,
    [
        new("user", ParamKind.Mention, Required: false),
        new("report_from", ParamKind.Date, Required: false, Keyword: "from"),
        new("report_to", ParamKind.Date, Required: false, Keyword: "to"),
        new("project", ParamKind.ProjectKey, Required: false, Keyword: "project"),
    ]);

    public async Task<BotReply> HandleAsync(CommandContext context, BotCommand command, CancellationToken cancellationToken)
    {
        var t = context.T;
        var project = context.Project!;
        var to = command.Date("report_to") ?? context.Today;
        var from = command.Date("report_from") ?? to.AddDays(1 - DefaultDays);
        if (from > to)
            return Replies.Error(t["report.bad_range", t.Date(from), t.Date(to)]);
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
            return Replies.Error(t["report.too_long", MaxDays]);
        Member? only = null;
        if (command.Mention("user") is { } mention)
        {
            var found = await MemberLookup.FindAsync(context, mention, cancellationToken);
            if (found.Member is null)
                return Replies.Error(found.Error!);
            only = found.Member;
        }

        var members = (await context.Store.ListMembersAsync(context.Workspace.Id, cancellationToken)).ToDictionary(m => m.Id);
        // A period up to today covers every check-in asked so far, also those of members whose date is already tomorrow.
        var upToNow = to >= context.Today;
        var occurrences = (await context.Store.ListProjectCheckinOccurrencesAsync(project.Id, from, upToNow ? to.AddDays(1) : to, cancellationToken))
            .Where(o => (o.LocalDate <= to || o.PromptAt <= context.Now) && (only is null || o.MemberId == only.Id));
        var report = ParticipationReport.Compute(occurrences, members, context.Now);
        var title = t["report.title", project.Key, t.Date(from), t.Date(to)];
        if (report.Count == 0)
        {
            return BotReply.Of(new MessageBuilder().Heading(title).Text(t["report.none", only?.DisplayName ?? project.Key, t.Date(from), t.Date(to)]).Build());
        }

        var builder = new MessageBuilder().Heading(title).Fallback(title);
        builder.Table(
            [t["report.member"], t["report.asked"], t["report.answered"], t["report.rate"], t["report.late"], t["report.missed"], t["report.streak"], t["report.answer_time"], t["report.away_days"]],
            report.Select(p => (IReadOnlyList<string>)
            [
                p.Member.DisplayName,
                p.Total.Asked.ToString(t.Culture),
                p.Total.Answered.ToString(t.Culture),
                Rate(p.Total, t),
                p.Total.Late.ToString(t.Culture),
                p.Total.Missed.ToString(t.Culture),
                p.Streak.ToString(t.Culture),
                Duration(p.Total.AverageAnswerTime, t),
                p.Total.AwayDays.ToString(t.Culture),
            ]).ToList());
        var weeks = report.SelectMany(p => p.Weeks.Select(w => w.WeekStart)).Distinct().Order().ToList();
        var shown = weeks.TakeLast(MaxWeekColumns).ToList();
        builder.Table(
            [t["report.member"], .. shown.Select(w => t["report.week", w.ToString("MM-dd", CultureInfo.InvariantCulture)])],
            report.Select(p => (IReadOnlyList<string>)
            [
                p.Member.DisplayName,
                .. shown.Select(w => p.Weeks.FirstOrDefault(x => x.WeekStart == w).Tally is { } tally ? Rate(tally, t) : t["common.none"]),
            ]).ToList());
        var pending = report.Sum(p => p.Total.Pending);
        var hidden = weeks.Count - shown.Count;
        builder.Context(t["report.rules", pending]
            + (hidden == 0 ? "" : " " + t[context.Files is null ? "report.earlier_weeks" : "report.earlier_weeks_csv", hidden]));

        if (context.Files is { } files)
        {
            var name = $"{project.Key}-checkins-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.csv";
            var published = await files.PublishAsync(new FileContent(name, "text/csv; charset=utf-8", Csv(report)), cancellationToken);
            builder.Add(new FileBlock(published.Url, name, t["report.csv", name]));
        }
        return BotReply.Of(builder.Build());
    }

    private static string Rate(Tally tally, Localizer t) => tally.Rate is { } rate ? rate.ToString("0%", t.Culture) : t["common.none"];

    public static string Duration(TimeSpan? span, Localizer t) => span switch
    {
        null => t["common.none"],
        { TotalHours: >= 1 } s => t["duration.hours_minutes", (int)s.TotalHours, s.Minutes],
        { } s => t["duration.minutes", (int)Math.Round(s.TotalMinutes)],
    };

    /// <summary>
    /// One row per member and week and one total row per member (week "total", with the streak), UTF-8 with a byte order
    /// mark (spreadsheets then read Chinese names right); invariant numbers.
    /// </summary>
    public static byte[] Csv(IReadOnlyList<MemberParticipation> report)
    {
        var csv = new StringBuilder("member,user_id,week_start,asked,answered,late,missed,pending,away_days,response_rate,avg_answer_minutes,streak\r\n");
        void Row(Member member, string week, Tally tally, int? streak) => csv.AppendJoin(',',
        [
            Cell(member.DisplayName), Cell(member.ExternalUserId), week,
            Num(tally.Asked), Num(tally.Answered), Num(tally.Late), Num(tally.Missed), Num(tally.Pending), Num(tally.AwayDays),
            tally.Rate?.ToString("0.000", CultureInfo.InvariantCulture) ?? "",
            tally.AverageAnswerTime?.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture) ?? "",
            streak is { } s ? Num(s) : "",
        ]).Append("\r\n");
        foreach (var p in report)
        {
            foreach (var (week, tally) in p.Weeks)
                Row(p.Member, week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), tally, null);
            Row(p.Member, "total", p.Total, p.Streak);
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Quotes a text cell when needed; a leading = + - @ is neutralised so a spreadsheet never runs it as a formula.</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
