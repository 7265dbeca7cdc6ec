using Microsoft.Extensions.Logging;
using PmBot.Core.Conversation;
using PmBot.Core.Domain;
using PmBot.Core.Localization;
using PmBot.Core.Parsing;
using PmBot.Core.Ports;

namespace PmBot.Core.Dispatching;

/// <summary>
/// The one pipeline every channel goes through: resolve workspace and member, drop duplicate deliveries, parse
/// text / button / form into a command, resolve the project and check the member's role, run the handler, and
/// commit its effects together with the delivery record. Never throws for bad input; an unexpected failure
/// becomes a polite reply and a log line. <paramref name="files"/> (optional) lets handlers offer downloads.
/// </summary>
public sealed partial class BotDispatcher(IPmStore store, CommandTable commands, TimeProvider time, ILogger<BotDispatcher> log,
    IChartRenderer? charts = null, IFilePublisher? files = null)
{
    public const int MaxTextLength = 4000;

    /// <summary>The longest message a command that takes pasted text (<c>plan import</c> with its CSV) may have.</summary>
    public const int MaxPastedTextLength = 100_000;

    public async Task<BotReply> HandleAsync(InboundActivity activity, CancellationToken cancellationToken)
    {
        var (workspace, member, stored) = await ResolveMemberAsync(activity, cancellationToken);
        var t = Localizer.For(member.Locale);
        // Tells the channel where later answers go; a workspace first seen in a failed transaction is not stored.
        BotReply Answer(BotReply reply, bool workspaceStored) =>
            reply with { WorkspaceId = workspaceStored ? workspace.Id : null, Locale = member.Locale };
        try
        {
            if (await store.IsDeliveryHandledAsync(activity.Channel, activity.DeliveryId, cancellationToken))
                return Answer(BotReply.Empty with { Duplicate = true }, stored);
            store.MarkDeliveryHandled(activity.Channel, activity.DeliveryId, time.GetUtcNow());

            var reply = await RunAsync(activity, workspace, member, cancellationToken);
            await store.SaveChangesAsync(cancellationToken);
            return Answer(reply, true);
        }
        catch (DuplicateKeyException ex) when (ex.Entity == "ProcessedDeliveries")
        {
            return Answer(BotReply.Empty with { Duplicate = true }, stored);
        }
        catch (DuplicateKeyException ex)
        {
            LogConflict(log, ex.Entity, activity.DeliveryId);
            return Answer(Replies.Error(t["error.conflict"]), stored);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The member gets a clear answer, never a 500; the failure is logged with its delivery id.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailure(log, ex, activity.Channel, activity.DeliveryId);
            return Answer(Replies.Error(t["error.internal", activity.DeliveryId]), stored);
        }
    }

    private async Task<BotReply> RunAsync(InboundActivity activity, Workspace workspace, Member member, CancellationToken cancellationToken)
    {
        var t = Localizer.For(member.Locale);
        var today = MemberClock.Today(member, time);
        ParseResult parsed;
        string shown;
        if (activity.Form is { } form)
        {
            var spec = commands.Parser.Find(form.Command);
            if (spec is null)
                return Replies.Error(t["parse.unknown_command", form.Command]);
            var (bound, errors) = commands.Parser.Bind(spec, form.Values, today);
            if (bound is null)
            {
                var fieldErrors = errors.ToDictionary(e => e.Parameter ?? "", e => Replies.Message(t, e));
                var given = form.Values.ToDictionary(kv => kv.Key, kv => (object)kv.Value);
                return Replies.FormReply(t, spec, given) with { FormErrors = fieldErrors };
            }
            parsed = new ParseResult(bound, null, spec);
            shown = spec.Name;
        }
        else
        {
            shown = (activity.ButtonCommand ?? activity.Text ?? "").Trim();
            if (shown.Length > MaxPastedTextLength)
                return Replies.Error(t["error.too_long", MaxPastedTextLength, shown.Length]);
            parsed = commands.Parser.Parse(shown.Length == 0 ? "help" : shown, today);
            if (shown.Length > MaxTextLength && parsed.Spec is not { TakesRest: true })
                return Replies.Error(t["error.too_long", MaxTextLength, shown.Length]);
            // A clicked button that lacks input (e.g. "Add member") opens the command's form, without an error.
            if (parsed.Command is null && activity.ButtonCommand is not null && parsed is { Spec: { } buttonSpec, Error.MessageKey: "parse.missing" })
                return Replies.FormReply(t, buttonSpec, parsed.Partial);
            // Text in a DM that is no command may answer an open check-in.
            if (parsed is { Command: null, Error.MessageKey: "parse.unknown_command" } && activity is { IsDirect: true, Text: not null } && commands.FreeText is { } freeText
                && await freeText.TryHandleAsync(Context(activity, workspace, member, null, null), shown, cancellationToken) is { } answered)
                return answered;
            if (parsed.Command is null)
                return Replies.ParseError(t, shown, parsed);
        }

        var command = parsed.Command!;
        Project? project = null;
        ProjectRole? role = null;
        if (command.Spec.Access != Access.Anyone)
        {
            // "task link APOLLO-3 APOLLO-4" names its project through the items.
            var key = command.Text("project") ?? command.Args.Values.OfType<ItemRef>().Select(i => i.ProjectKey).FirstOrDefault(k => k is not null);
            var resolved = await ProjectResolver.ResolveAsync(store, workspace, member, activity.ConversationId, key, cancellationToken);
            if (resolved.Project is null)
                return Replies.Error(t[resolved.ErrorKey!, resolved.ErrorArgs]);
            project = resolved.Project;
            role = (await store.FindMembershipAsync(project.Id, member.Id, cancellationToken))?.Role;
            if (role is null || role < command.Spec.RequiredRole)
                return Replies.Error(t["error.role_required", t.Role(command.Spec.RequiredRole!.Value), project.Key,
                    role is null ? t["role.none"] : t.Role(role.Value)]);
        }

        var context = Context(activity, workspace, member, project, role);
        return await commands.Handler(command.Spec).HandleAsync(context, command, cancellationToken);
    }

    private CommandContext Context(InboundActivity activity, Workspace workspace, Member member, Project? project, ProjectRole? role) =>
        new()
        {
            Store = store,
            Activity = activity,
            Workspace = workspace,
            Member = member,
            Project = project,
            Role = role,
            Time = time,
            Commands = commands,
            Charts = charts,
            Files = files,
        };

    /// <summary>Finds or creates the workspace and member behind an activity and refreshes the member's channel profile.</summary>
    /// <returns>The workspace, the member, and whether the workspace was already stored.</returns>
    private async Task<(Workspace, Member, bool)> ResolveMemberAsync(InboundActivity activity, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var workspace = await store.FindWorkspaceAsync(activity.Channel, activity.WorkspaceExternalId, cancellationToken);
        var stored = workspace is not null;
        if (workspace is null)
        {
            workspace = new Workspace
            {
                Channel = activity.Channel,
                ExternalId = activity.WorkspaceExternalId,
                Name = activity.WorkspaceName ?? activity.WorkspaceExternalId,
                CreatedAt = now,
            };
            store.Add(workspace);
        }
        // A request from the channel proves the app is installed there (again, after an uninstall).
        workspace.IsActive = true;
        var member = await store.FindMemberAsync(workspace.Id, activity.UserExternalId, cancellationToken);
        if (member is null)
        {
            member = new Member
            {
                WorkspaceId = workspace.Id,
                ExternalUserId = activity.UserExternalId,
                DisplayName = activity.UserDisplayName ?? activity.UserExternalId,
                TimeZone = workspace.DefaultTimeZone,
                Locale = workspace.DefaultLocale,
                CreatedAt = now,
            };
            store.Add(member);
        }
        member.ApplyChannelProfile(activity.UserDisplayName, activity.TimeZone, activity.Locale);
        if (activity.IsDirect)
            member.DirectConversationId = activity.ConversationId;
        return (workspace, member, stored);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling {Channel} delivery {DeliveryId} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, ChannelKind channel, string deliveryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} hit a uniqueness rule on {Entity}")]
    private static partial void LogConflict(ILogger logger, string? entity, string deliveryId);
}
