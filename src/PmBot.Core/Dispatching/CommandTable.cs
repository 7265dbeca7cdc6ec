using PmBot.Core.Parsing;

namespace PmBot.Core.Dispatching;

/// <summary>The dispatcher table: command name to handler. No reflection: the list is written out.</summary>
public sealed class CommandTable
{
    private readonly Dictionary<string, ICommandHandler> _handlers;

    public CommandTable(IEnumerable<ICommandHandler> handlers)
    {
        Handlers = handlers.ToArray();
        _handlers = Handlers.ToDictionary(h => h.Spec.Name, StringComparer.OrdinalIgnoreCase);
        Parser = new CommandParser(Handlers.Select(h => h.Spec).ToArray());
    }

    public IReadOnlyList<ICommandHandler> Handlers { get; }
    public CommandParser Parser { get; }

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
        new Features.Plan.ShowGantt(),
        new Features.Plan.ShowBurnDown(),
    ]);
}
