using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PmBot.Channels.WebChat;
using PmBot.Core.Conversation;
using PmBot.Core.Dispatching;
using PmBot.Core.Domain;
using PmBot.Core.Localization;
using PmBot.Core.Messages;
using PmBot.Core.Ports;
using PmBot.Storage;

namespace PmBot.Server.WebChat;

/// <summary>
/// The JSON API of the built-in web chat (<c>/api/webchat</c>), used by the page and by tests. It is the third
/// channel: its messages go through the same <see cref="BotDispatcher"/> as Slack and Teams.
/// </summary>
public static class WebChatEndpoints
{
    public const string SessionCookie = "pmbot_webchat_user";
    private const int PageSize = 200;

    public sealed record SessionRequest(string? UserId);

    public sealed record FormPayload(string? Command, Dictionary<string, string?>? Values);

    /// <summary>Exactly one of text, command (a clicked button) or form; clientId makes a retried POST harmless.</summary>
    public sealed record MessageRequest(string? ClientId, string? Text, string? Command, FormPayload? Form);

    public sealed record UserView(string Id, string Name, string TimeZone, string Locale, IReadOnlyList<string> Roles);

    /// <param name="Id">Increasing id; ask for entries after the last one.</param>
    /// <param name="From">"user" or "bot".</param>
    /// <param name="Text">What the user typed, or the bot message's fallback text.</param>
    /// <param name="Html">The bot message rendered as a safe HTML fragment.</param>
    /// <param name="Plain">The whole bot message as plain text (screen readers, tests).</param>
    /// <param name="At">When it was written.</param>
    public sealed record EntryView(long Id, string From, string Text, string? Html, string? Plain, DateTimeOffset At);

    public sealed record PostResult(bool Duplicate, IReadOnlyDictionary<string, string>? FormErrors, IReadOnlyList<EntryView> Replies);

    public sealed record ErrorView(string Error);

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/webchat");
        api.MapGet("/users", ListUsersAsync);
        api.MapGet("/session", GetSessionAsync);
        api.MapPost("/session", SetSessionAsync);
        api.MapGet("/messages", ReadAsync);
        api.MapPost("/messages", PostAsync);
        return app;
    }

    private static async Task<IResult> ListUsersAsync(PmBotDbContext db, CancellationToken cancellationToken)
    {
        var workspace = await LocalWorkspaceAsync(db, cancellationToken);
        if (workspace is null)
            return Results.Ok(Array.Empty<UserView>());
        var members = await db.Members.AsNoTracking().Where(m => m.WorkspaceId == workspace.Id).ToListAsync(cancellationToken);
        var roles = await (from pm in db.ProjectMemberships
                           join p in db.Projects on pm.ProjectId equals p.Id
                           where p.WorkspaceId == workspace.Id
                           select new { pm.MemberId, p.Key, pm.Role }).ToListAsync(cancellationToken);
        var order = LocalUsers.All.Select(u => u.Id).ToList();
        var views = members
            .OrderBy(m => order.IndexOf(m.ExternalUserId) is var i && i < 0 ? int.MaxValue : i).ThenBy(m => m.DisplayName, StringComparer.Ordinal)
            .Select(m => new UserView(m.ExternalUserId, m.DisplayName, m.TimeZone, m.Locale,
                roles.Where(r => r.MemberId == m.Id).OrderBy(r => r.Key, StringComparer.Ordinal)
                    .Select(r => $"{r.Key}: {Localizer.For(m.Locale).Role(r.Role)}").ToList()))
            .ToList();
        return Results.Ok(views);
    }

    private static async Task<IResult> GetSessionAsync(HttpContext http, PmBotDbContext db, CancellationToken cancellationToken)
    {
        var member = await SessionMemberAsync(http, db, cancellationToken);
        return member is null ? Results.NoContent() : Results.Ok(new UserView(member.ExternalUserId, member.DisplayName, member.TimeZone, member.Locale, []));
    }

    private static async Task<IResult> SetSessionAsync(HttpContext http, PmBotDbContext db, CancellationToken cancellationToken)
    {
        var t = RequestLocalizer(http);
        var (request, error) = await ReadJsonAsync<SessionRequest>(http, t, cancellationToken);
        if (request is null)
            return error!;
        var workspace = await LocalWorkspaceAsync(db, cancellationToken);
        var member = workspace is null || string.IsNullOrWhiteSpace(request.UserId) ? null
            : await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.WorkspaceId == workspace.Id && m.ExternalUserId == request.UserId, cancellationToken);
        if (member is null)
            return Results.BadRequest(new ErrorView(t["webchat.unknown_user"]));
        http.Response.Cookies.Append(SessionCookie, member.ExternalUserId, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, IsEssential = true });
        return Results.Ok(new UserView(member.ExternalUserId, member.DisplayName, member.TimeZone, member.Locale, []));
    }

    private static async Task<IResult> ReadAsync(HttpContext http, PmBotDbContext db, IWebChatTranscript transcript, long? after, CancellationToken cancellationToken)
    {
        var member = await SessionMemberAsync(http, db, cancellationToken);
        if (member is null)
            return Results.Json(new ErrorView(RequestLocalizer(http)["webchat.no_session"]), statusCode: StatusCodes.Status401Unauthorized);
        var entries = await transcript.ReadAfterAsync(WebChatConversations.Direct(member.ExternalUserId), after ?? 0, PageSize, cancellationToken);
        return Results.Ok(entries.Select(View).ToList());
    }

    private static async Task<IResult> PostAsync(HttpContext http, PmBotDbContext db, IWebChatTranscript transcript, BotDispatcher dispatcher, TimeProvider time, CancellationToken cancellationToken)
    {
        var member = await SessionMemberAsync(http, db, cancellationToken);
        var t = member is null ? RequestLocalizer(http) : Localizer.For(member.Locale);
        if (member is null)
            return Results.Json(new ErrorView(t["webchat.no_session"]), statusCode: StatusCodes.Status401Unauthorized);
        var (request, error) = await ReadJsonAsync<MessageRequest>(http, t, cancellationToken);
        if (request is null)
            return error!;
        var intents = (request.Text is not null ? 1 : 0) + (request.Command is not null ? 1 : 0) + (request.Form is not null ? 1 : 0);
        if (intents != 1 || request.Form is { Command: null or "" })
            return Results.BadRequest(new ErrorView(t["webchat.bad_request", "text | command | form"]));
        var clientId = string.IsNullOrWhiteSpace(request.ClientId) || request.ClientId.Length > 100 ? Guid.NewGuid().ToString("N") : request.ClientId;
        var conversation = WebChatConversations.Direct(member.ExternalUserId);
        var now = time.GetUtcNow();

        // The member's words are kept before anything else can fail.
        var shown = request.Text ?? request.Command
            ?? $"{request.Form!.Command} ({string.Join(", ", (request.Form.Values ?? []).Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).Select(kv => $"{kv.Key}: {kv.Value}"))})";
        await transcript.AppendAsync(
        [
            new WebChatEntry { ConversationId = conversation, Direction = TranscriptDirection.FromUser, Text = shown, DedupKey = "in:" + clientId, CreatedAt = now },
        ], cancellationToken);

        var activity = new InboundActivity
        {
            Channel = ChannelKind.WebChat,
            WorkspaceExternalId = WebChatConversations.WorkspaceId,
            WorkspaceName = WebChatConversations.WorkspaceName,
            UserExternalId = member.ExternalUserId,
            ConversationId = conversation,
            IsDirect = true,
            DeliveryId = clientId,
            Text = request.Text,
            ButtonCommand = request.Command,
            Form = request.Form is { } form
                ? new FormSubmission(form.Command!, (form.Values ?? []).Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!))
                : null,
        };
        var reply = await dispatcher.HandleAsync(activity, cancellationToken);
        if (reply.Duplicate || reply.FormErrors is not null)
            return Results.Ok(new PostResult(reply.Duplicate, reply.FormErrors, []));

        var entries = reply.Messages.Select((m, i) => new WebChatEntry
        {
            ConversationId = conversation,
            Direction = TranscriptDirection.FromBot,
            Text = m.FallbackText,
            Payload = m.ToJson(),
            DedupKey = $"reply:{clientId}:{i}",
            CreatedAt = time.GetUtcNow(),
        }).ToList();
        await transcript.AppendAsync(entries, cancellationToken);
        return Results.Ok(new PostResult(false, null, entries.Select(View).ToList()));
    }

    private static EntryView View(WebChatEntry entry)
    {
        var message = entry.Payload is null ? null : OutboundMessage.FromJson(entry.Payload);
        return new EntryView(
            entry.Id,
            entry.Direction == TranscriptDirection.FromUser ? "user" : "bot",
            entry.Text,
            message is null ? null : WebChatHtmlRenderer.Render(message),
            message is null ? null : PlainTextRenderer.Render(message),
            entry.CreatedAt);
    }

    private static async Task<(T? Value, IResult? Error)> ReadJsonAsync<T>(HttpContext http, Localizer t, CancellationToken cancellationToken) where T : class
    {
        try
        {
            var value = await http.Request.ReadFromJsonAsync<T>(cancellationToken);
            return value is null ? (null, Results.BadRequest(new ErrorView(t["webchat.bad_request", "empty body"]))) : (value, null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or BadHttpRequestException)
        {
            return (null, Results.BadRequest(new ErrorView(t["webchat.bad_request", ex is JsonException ? "not valid JSON" : "expected application/json"])));
        }
    }

    private static Task<Workspace?> LocalWorkspaceAsync(PmBotDbContext db, CancellationToken cancellationToken) =>
        db.Workspaces.AsNoTracking().FirstOrDefaultAsync(w => w.Channel == ChannelKind.WebChat && w.ExternalId == WebChatConversations.WorkspaceId, cancellationToken);

    private static async Task<Member?> SessionMemberAsync(HttpContext http, PmBotDbContext db, CancellationToken cancellationToken)
    {
        if (!http.Request.Cookies.TryGetValue(SessionCookie, out var userId) || string.IsNullOrEmpty(userId))
            return null;
        var workspace = await LocalWorkspaceAsync(db, cancellationToken);
        return workspace is null ? null
            : await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.WorkspaceId == workspace.Id && m.ExternalUserId == userId, cancellationToken);
    }

    private static Localizer RequestLocalizer(HttpContext http) =>
        Localizer.For(http.Request.Headers.AcceptLanguage.ToString().Split(',')[0]);
}
