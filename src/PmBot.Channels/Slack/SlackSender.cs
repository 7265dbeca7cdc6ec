using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PmBot.Core.Domain;
using PmBot.Core.Messages;
using PmBot.Core.Outbox;
using PmBot.Core.Ports;

namespace PmBot.Channels.Slack;

/// <summary>
/// Delivers outbox messages to Slack with chat.postMessage, one post per rendered page, each carrying the outbox
/// idempotency key in its message metadata. A retried row first reads the conversation's recent history and skips
/// the pages already there, so a crash (or a lost response) between the post and the outbox commit never posts twice.
/// <para>
/// Pictures and downloads PmBot published (image and file blocks whose URL <see cref="IPublishedFileReader"/> can
/// read) are uploaded into the conversation after the pages (files.getUploadURLExternal, the bytes,
/// files.completeUploadExternal with the channel), because image blocks only work with publicly reachable URLs. Each
/// upload's file name carries a short hash of the row's idempotency key and the block's place, so a retried row finds
/// its earlier uploads in the history by name and does not share them again.
/// </para>
/// </summary>
public sealed partial class SlackSender : IChannelSender
{
    /// <summary>Slack errors that will not go away by retrying the same message.</summary>
    private static readonly HashSet<string> DeadErrors = new(StringComparer.Ordinal)
    {
        "channel_not_found", "not_in_channel", "is_archived", "account_inactive", "token_revoked", "token_expired",
        "invalid_auth", "not_authed", "no_permission", "missing_scope", "user_not_found", "user_disabled", "team_access_not_granted",
        "ekm_access_denied", "restricted_action", "restricted_action_read_only_channel", "restricted_action_thread_only_channel",
        "cannot_dm_bot", "user_not_visible", "msg_too_long", "no_text", "invalid_blocks", "invalid_blocks_format",
        "too_many_attachments", "invalid_metadata_format", "invalid_metadata_schema", "metadata_too_large", "invalid_arguments",
        "not_allowed_token_type", "org_login_required", "app_missing_action_url",
        "file_uploads_disabled", "file_uploads_except_images_disabled", "file_type_not_allowed", "file_upload_size_restricted",
        "alt_txt_too_large", "file_not_found",
    };

    /// <summary>Slack errors that mean "later".</summary>
    private static readonly HashSet<string> RetryErrors = new(StringComparer.Ordinal)
    {
        "ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org",
    };

    private readonly SlackWebApiClient _client;
    private readonly ISlackTokenProvider _tokens;
    private readonly ISlackMessageRenderer _renderer;
    private readonly SlackOptions _options;
    private readonly IPublishedFileReader? _files;
    private readonly ILogger<SlackSender> _log;
    private readonly ThreadParents _threads = new();

    /// <param name="files">Reads PmBot's published files back for upload; without it, image and file blocks are only linked.</param>
    public SlackSender(SlackWebApiClient client, ISlackTokenProvider tokens, ISlackMessageRenderer renderer, IOptions<SlackOptions> options,
        ILogger<SlackSender> log, IPublishedFileReader? files = null)
    {
        _client = client;
        _tokens = tokens;
        _renderer = renderer;
        _options = options.Value;
        _files = files;
        _log = log;
        Limits = new DeliveryLimits(_options.PerConversationPerSecond, _options.PerConversationBurst, _options.PerWorkspacePerSecond, _options.PerWorkspaceBurst);
    }

    public ChannelKind Channel => ChannelKind.Slack;

    public DeliveryLimits Limits { get; }

    public async Task<SendResult> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        OutboundMessage outbound;
        try
        {
            outbound = OutboundMessage.FromJson(message.Payload);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return SendResult.DeadLetter("Unreadable payload: " + ex.Message);
        }
        var uploads = await UploadsAsync(outbound, message.IdempotencyKey, cancellationToken);
        var rest = outbound with { Blocks = [.. outbound.Blocks.Where(b => uploads.All(u => !ReferenceEquals(u.Block, b)))] };
        // A message that is only pictures goes out as the uploads, its fallback text as the first one's comment.
        var pages = rest.Blocks.Count == 0 && uploads.Count > 0 ? [] : _renderer.Render(rest);
        if (pages.Count == 0 && uploads.Count == 0)
            return SendResult.Sent;

        var token = await _tokens.GetBotTokenAsync(message.WorkspaceId, cancellationToken);
        if (string.IsNullOrEmpty(token))
            return SendResult.DeadLetter("workspace not installed or uninstalled");
        var auth = new SlackCredentials(token, message.WorkspaceId.ToString("N"));

        try
        {
            var channel = message.ConversationId;
            if (channel.StartsWith(OutboxMessage.UserTargetPrefix, StringComparison.Ordinal))
                channel = await _client.OpenConversationAsync(auth, channel[OutboxMessage.UserTargetPrefix.Length..], cancellationToken);

            string? threadTs = null;
            if (message.ThreadKey is { } parentKey)
            {
                threadTs = await ThreadTsAsync(auth, channel, parentKey, message, cancellationToken);
                // The parent is sent before its replies (same conversation, older row); give it a moment, then post unthreaded.
                if (threadTs is null && message.Attempts < ThreadParentAttempts)
                    return SendResult.RetryLater("slack: thread parent not found yet");
            }
            var history = message.Attempts > 1
                ? await RecentHistoryAsync(auth, channel, message, cancellationToken)
                : [];
            var alreadyPosted = PostedPages(history, message.IdempotencyKey);
            for (var page = 0; page < pages.Count; page++)
            {
                if (alreadyPosted.Contains(page))
                    continue;
                var posted = await _client.PostMessageAsync(auth, channel, pages[page].Text, pages[page].Blocks,
                    SlackMessageMetadata.Outbox(message.IdempotencyKey, page, pages.Count), threadTs, cancellationToken);
                if (page == 0 && posted.Ts.Length > 0)
                    _threads.Remember(channel, message.IdempotencyKey, posted.Ts);
            }
            var alreadyUploaded = history.SelectMany(m => m.FileNames).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < uploads.Count; i++)
            {
                if (alreadyUploaded.Contains(uploads[i].File.FileName))
                    continue;
                var comment = pages.Count == 0 && i == 0 ? SlackBlockKitRenderer.FallbackText(outbound) : null;
                await _client.UploadFileAsync(auth, channel, uploads[i].File, comment, threadTs, cancellationToken);
            }
            return SendResult.Sent;
        }
        catch (SlackRateLimitedException ex)
        {
            return SendResult.RetryLater($"slack:{ex.Method}:ratelimited", ex.RetryAfter);
        }
        catch (SlackUnavailableException ex)
        {
            return SendResult.RetryLater($"slack:{ex.Method}:{ex.Reason}", ex.RetryAfter);
        }
        catch (SlackApiException ex) when (RetryErrors.Contains(ex.Error))
        {
            return SendResult.RetryLater($"slack:{ex.Method}:{ex.Error}");
        }
        catch (SlackApiException ex)
        {
            // Anything else is about this message or this workspace (DeadErrors lists the usual ones): retrying changes nothing.
            if (!DeadErrors.Contains(ex.Error))
                LogUnknownError(_log, ex.Method, ex.Error, message.Id);
            return SendResult.DeadLetter($"slack:{ex.Method}:{ex.Error}");
        }
    }

    /// <summary>How many attempts a reply waits for its thread's parent before it is posted on its own.</summary>
    private const int ThreadParentAttempts = 3;

    /// <summary>The ts of the first page of the message with <paramref name="parentKey"/>: remembered from its post, else found in history.</summary>
    private async Task<string?> ThreadTsAsync(SlackCredentials auth, string channel, string parentKey, OutboxMessage message, CancellationToken cancellationToken)
    {
        if (_threads.TryGet(channel, parentKey, out var ts))
            return ts;
        try
        {
            var history = await _client.GetRecentHistoryAsync(auth, channel, message.CreatedAt - TimeSpan.FromDays(2), cancellationToken);
            var first = history.Where(m => SlackWebApiClient.IsOutboxPost(m, parentKey)).OrderBy(p => p.Ts, StringComparer.Ordinal).FirstOrDefault();
            if (first is not null)
                _threads.Remember(channel, parentKey, first.Ts);
            return first?.Ts;
        }
        catch (SlackApiException ex) when (ex.Error == "missing_scope")
        {
            return null;
        }
    }

    /// <summary>The pages of this row already in the conversation (an earlier attempt posted them but did not commit).</summary>
    private static HashSet<int> PostedPages(IReadOnlyList<SlackHistoryMessage> history, string idempotencyKey)
    {
        var pages = new HashSet<int>();
        foreach (var post in history.Where(m => SlackWebApiClient.IsOutboxPost(m, idempotencyKey)))
            pages.Add(post.Metadata?.EventPayload["page"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue(out int page) ? page : 0);
        return pages;
    }

    /// <summary>The conversation's messages since this row was written (less clock skew); empty when the history cannot be read.</summary>
    private async Task<IReadOnlyList<SlackHistoryMessage>> RecentHistoryAsync(SlackCredentials auth, string channel, OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.GetRecentHistoryAsync(auth, channel, message.CreatedAt - _options.HistoryClockSkew, cancellationToken);
        }
        catch (SlackApiException ex) when (ex.Error == "missing_scope")
        {
            // The history of this kind of conversation cannot be read (e.g. a private channel): deliver at least once.
            LogHistoryUnreadable(_log, ex.Error, message.Id);
            return [];
        }
    }

    /// <summary>The image and file blocks whose files PmBot published and can still read, each with its upload.</summary>
    private async Task<List<(Block Block, SlackFileUpload File)>> UploadsAsync(OutboundMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        var uploads = new List<(Block, SlackFileUpload)>();
        if (_files is null)
            return uploads;
        foreach (var block in message.Blocks)
        {
            var (url, title, alt) = block switch
            {
                ImageBlock image => (image.Url, image.Title, image.AltText),
                FileBlock file => (file.Url, file.Title, null),
                _ => (null, null, null),
            };
            if (url is null || await _files.ReadAsync(url, cancellationToken) is not { } content)
                continue;
            var name = UploadName(content.FileName, idempotencyKey, uploads.Count);
            uploads.Add((block, new SlackFileUpload(name, content.Bytes, title ?? content.FileName, alt)));
        }
        return uploads;
    }

    /// <summary><c>APOLLO-gantt-2026-11-24.png</c> becomes <c>APOLLO-gantt-2026-11-24-1a2b3c4d.png</c>: the same for every attempt of one row's upload.</summary>
    internal static string UploadName(string fileName, string idempotencyKey, int index)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{idempotencyKey}#{index}")))[..8];
        return $"{Path.GetFileNameWithoutExtension(fileName)}-{hash}{Path.GetExtension(fileName)}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} answered the unlisted error {Error} for outbox row {Id}; dead-lettering it")]
    private static partial void LogUnknownError(ILogger logger, string method, string error, Guid id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read history ({Error}) to check outbox row {Id} was not already posted; posting again")]
    private static partial void LogHistoryUnreadable(ILogger logger, string error, Guid id);
}
