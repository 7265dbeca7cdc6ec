using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Features.Calendar;
using PmBot.Core.Planning;

namespace PmBot.Core.Features.Checkins;

/// <summary>
/// The check-in an answer is for: a schedule, its template and project, and the member's occurrence on one local date,
/// which is staged now if it was not planned yet (an early answer with <c>checkin now</c>).
/// </summary>
public sealed record CheckinTarget(CheckinSchedule Schedule, Templates.Loaded Template, Project Project, CheckinOccurrence Occurrence)
{
    /// <summary>True when the occurrence was staged by this request (not planned before): dropped again if the answer is refused.</summary>
    public bool Staged { get; init; }

    public OccurrenceKey Key => new(Schedule.Number, Occurrence.LocalDate);

    /// <summary>
    /// The caller's check-in of schedule <paramref name="key"/>; null with the reason when there is none to answer. With
    /// <paramref name="stage"/> an occurrence that was not planned yet is staged (an answer is being recorded); without,
    /// it is only shown (a form being opened must not stop the prompt from coming).
    /// </summary>
    public static async Task<(CheckinTarget? Target, string? Error)> ForKeyAsync(CommandContext context, OccurrenceKey key, bool stage, CancellationToken cancellationToken)
    {
        var t = context.T;
        var schedule = await context.Store.FindCheckinScheduleAsync(context.Workspace.Id, key.ScheduleNumber, cancellationToken);
        if (schedule is null)
            return (null, t["checkin.schedule.not_found", key.ScheduleNumber]);
        var occurrence = (await context.Store.ListCheckinOccurrencesAsync(schedule.Id, key.LocalDate, key.LocalDate, cancellationToken))
            .FirstOrDefault(o => o.MemberId == context.Member.Id);
        var staged = false;
        if (occurrence is null)
        {
            if (!await Audience.IncludesAsync(context.Store, schedule, context.Member.Id, cancellationToken))
                return (null, t["checkin.not_in_audience", schedule.Number]);
            var calendar = await WorkspaceCalendar.BuildAsync(context.Store, context.Workspace, key.LocalDate, cancellationToken);
            var planned = OccurrencePlanner.On(schedule, MemberClock.Zone(context.Member), calendar, WorkspaceCalendar.MemberKey(context.Member.Id), key.LocalDate);
            if (planned is null || planned.AnswerableUntil <= context.Now)
                return (null, t["checkin.closed"]);
            // Answered ahead of its prompt: the occurrence exists from now on, so the job will not prompt for it.
            occurrence = CheckinPlanning.Create(schedule, context.Member, planned with { Away = null }, context.Now);
            if (stage)
                context.Store.Add(occurrence);
            staged = stage;
        }
        else if (!occurrence.IsAnswerable(context.Now))
        {
            return (null, occurrence.State == OccurrenceState.Away ? t["checkin.was_away"] : t["checkin.closed"]);
        }
        var template = await Templates.GetAsync(context.Store, schedule.TemplateId, cancellationToken);
        var project = await context.Store.GetProjectAsync(schedule.ProjectId, cancellationToken);
        return template is null || project is null
            ? (null, t["checkin.schedule.not_found", key.ScheduleNumber])
            : (new CheckinTarget(schedule, template, project, occurrence) { Staged = staged }, null);
    }

    /// <summary>
    /// The caller's next check-in to answer early or now (<c>checkin now [TEMPLATE]</c>): across the schedules that ask
    /// them, the one whose window closes first among those still open or to come in the next week.
    /// </summary>
    public static async Task<(OccurrenceKey? Key, string? Error)> NextAsync(CommandContext context, string? templateName, CancellationToken cancellationToken)
    {
        var t = context.T;
        var store = context.Store;
        var calendar = await WorkspaceCalendar.BuildAsync(store, context.Workspace, context.Today.AddDays(-1), cancellationToken);
        var zone = MemberClock.Zone(context.Member);
        (OccurrenceKey Key, DateTimeOffset Ends)? best = null;
        foreach (var schedule in await store.ListCheckinSchedulesAsync(context.Workspace.Id, null, cancellationToken))
        {
            if (!schedule.IsActive || !await Audience.IncludesAsync(store, schedule, context.Member.Id, cancellationToken))
                continue;
            if (templateName is not null && (await store.GetCheckinTemplateAsync(schedule.TemplateId, cancellationToken))?.Name != templateName.ToLowerInvariant())
                continue;
            var answered = (await store.ListCheckinOccurrencesAsync(schedule.Id, context.Today.AddDays(-1), context.Today.AddDays(8), cancellationToken))
                .Where(o => o.MemberId == context.Member.Id && o.State is OccurrenceState.Answered or OccurrenceState.Away)
                .Select(o => o.LocalDate).ToHashSet();
            var next = OccurrencePlanner.Plan(schedule, zone, calendar, WorkspaceCalendar.MemberKey(context.Member.Id),
                    context.Now - TimeSpan.FromMinutes(schedule.WindowMinutes), context.Now + TimeSpan.FromDays(8))
                .FirstOrDefault(p => p.Away is null && p.WindowEndsAt > context.Now && !answered.Contains(p.LocalDate));
            if (next is not null && (best is null || next.WindowEndsAt < best.Value.Ends))
                best = (new OccurrenceKey(schedule.Number, next.LocalDate), next.WindowEndsAt);
        }
        return best is null
            ? (null, templateName is null ? t["checkin.nothing_scheduled"] : t["checkin.nothing_scheduled_for", templateName])
            : (best.Value.Key, null);
    }
}
