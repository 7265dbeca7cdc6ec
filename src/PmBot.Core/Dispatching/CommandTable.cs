using PmBot.Core.Parsing;

namespace PmBot.Core.Dispatching;

/// <summary>The dispatcher table: command name to handler. No reflection: the list is written out.</summary>
public sealed class CommandTable
{
    private readonly Dictionary<string, ICommandHandler> _handlers;

    public CommandTable(IEnumerable<ICommandHandler> handlers, IFreeTextHandler? freeText = null)
    {
        FreeText = freeText;
        Handlers = handlers.ToArray();
        _handlers = Handlers.ToDictionary(h => h.Spec.Name, StringComparer.OrdinalIgnoreCase);
        Parser = new CommandParser(Handlers.Select(h => h.Spec).ToArray());
    }

    public IReadOnlyList<ICommandHandler> Handlers { get; }
    public CommandParser Parser { get; }

    /// <summary>Offered direct-message text that is not a command, if set.</summary>
    public IFreeTextHandler? FreeText { get; }

    public ICommandHandler Handler(CommandSpec spec) => _handlers[spec.Name];

    public static CommandTable CreateDefault() => new(
    [
        new Features.Help.ShowHelp(),
        new Features.Projects.CreateProject(),
        new Features.Projects.ListProjects(),
        new Features.Projects.ShowProject(),
        new Features.Projects.UseProject(),
        new Features.Members.AddMember(),
        new Features.Members.ListMembers(),
        new Features.Me.ShowMe(),
        new Features.Me.SetTimeZone(),
        new Features.Me.SetLanguage(),
        new Features.Plan.AddTask(),
        new Features.Plan.LinkTasks(),
        new Features.Plan.ListTasks(),
        new Features.Plan.ShowSchedule(),
        Features.Plan.UpdateProgress.Start(),
        Features.Plan.UpdateProgress.Done(),
        Features.Plan.UpdateProgress.Progress(),
        new Features.Plan.MyTasks(),
        new Features.Plan.SaveBaseline(),
        new Features.Plan.EditTask(),
        new Features.Plan.ShowTask(),
        new Features.Plan.ShowStatus(),
        new Features.Costs.LogTime(),
        new Features.Costs.ListTimeLog(),
        new Features.Costs.SetRemaining(),
        new Features.Costs.AddCost(),
        new Features.Costs.ListCosts(),
        new Features.Costs.SetRate(),
        new Features.Costs.SetBudget(),
        new Features.Costs.ShowBudget(),
        new Features.Costs.SetCurrency(),
        new Features.Members.SetCapacity(),
        Features.Resources.AssignTask.Assign(),
        Features.Resources.AssignTask.Unassign(),
        new Features.Resources.ShowWorkload(),
        new Features.Resources.AddResource(),
        new Features.Resources.SetResourceStatus(),
        new Features.Resources.ListResources(),
        new Features.Plan.AddMilestone(),
        new Features.Plan.ListMilestones(),
        new Features.Plan.ConstrainTask(),
        new Features.PlanCsv.ImportPlan(),
        Features.PlanCsv.ExportPlan.Plan(),
        Features.PlanCsv.ExportPlan.Progress(),
        new Features.Calendar.ShowCalendar(),
        new Features.Calendar.AddHoliday(),
        new Features.Calendar.RemoveHoliday(),
        new Features.Calendar.SetWorkdays(),
        new Features.Me.MeAway(),
        new Features.Me.MeBack(),
        new Features.Checkins.ListTemplates(),
        new Features.Checkins.ShowTemplate(),
        new Features.Checkins.CreateTemplate(),
        new Features.Checkins.AddQuestion(),
        new Features.Checkins.RemoveQuestion(),
        new Features.Checkins.AddSchedule(),
        new Features.Checkins.ListSchedules(),
        Features.Checkins.ChangeSchedule.Pause(),
        Features.Checkins.ChangeSchedule.Resume(),
        Features.Checkins.ChangeSchedule.Remove(),
        new Features.Checkins.CheckinNow(),
        new Features.Checkins.AnswerCheckin(),
        new Features.Checkins.EditCheckin(),
        new Features.Checkins.AddBlocker(),
        new Features.Checkins.ListBlockers(),
        new Features.Checkins.ResolveBlocker(),
        new Features.Status.ShowStatus(),
        new Features.Digest.DigestNow(),
        Features.Digest.DigestSettings.Time(),
        Features.Digest.DigestSettings.On(),
        Features.Digest.DigestSettings.Off(),
        new Features.Digest.Nudge(),
        new Features.Participation.CheckinReport(),
        new Features.Plan.ShowGantt(),
        new Features.Plan.ShowBurnDown(),
        new Features.Plan.ShowEvm(),
    ], new Features.Checkins.FreeTextAnswer());
}
