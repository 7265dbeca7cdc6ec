using PmBot.Core.Domain;
using PmBot.Core.Planning;
using PmBot.Core.Ports;

namespace PmBot.Core.Features.Calendar;

/// <summary>
/// A workspace's <see cref="WorkCalendar"/>: its working weekdays, its holidays and, as days off keyed by
/// <see cref="MemberKey"/>, its members' absences. Used by check-ins (who is away) and by the scheduler (a task's
/// owner does not work on their days off).
/// </summary>
public static class WorkspaceCalendar
{
    /// <summary>How far ahead absences are expanded into days off.</summary>
    public const int HorizonDays = 3 * 366;

    /// <summary>A member's resource id in the calendar: the member id as text.</summary>
    public static string MemberKey(Guid memberId) => memberId.ToString("N");

    /// <summary>The calendar from <paramref name="from"/> on (earlier holidays and absences are left out).</summary>
    public static async Task<WorkCalendar> BuildAsync(IPmStore store, Workspace workspace, DateOnly from, CancellationToken cancellationToken)
    {
        var holidays = await store.ListHolidaysAsync(workspace.Id, from, cancellationToken);
        var absences = await store.ListAbsencesAsync(workspace.Id, from, cancellationToken);
        return Build(workspace.WorkingDays, holidays.Select(h => h.Date), absences, from);
    }

    /// <summary>The calendar from its parts (pure).</summary>
    public static WorkCalendar Build(Weekdays workingDays, IEnumerable<DateOnly> holidays, IEnumerable<Absence> absences, DateOnly from)
    {
        var until = from.AddDays(HorizonDays);
        var daysOff = absences
            .GroupBy(a => a.MemberId)
            .ToDictionary(
                g => MemberKey(g.Key),
                g => (IReadOnlyCollection<DateOnly>)g.SelectMany(a => Dates(a.From < from ? from : a.From, a.To < until ? a.To : until)).ToHashSet());
        var weekdays = workingDays == Weekdays.None ? Weekdays.MondayToFriday : workingDays;
        return new WorkCalendar(weekdays.Days(), holidays, daysOff);
    }

    private static IEnumerable<DateOnly> Dates(DateOnly first, DateOnly last)
    {
        for (var d = first; d <= last; d = d.AddDays(1))
            yield return d;
    }
}
