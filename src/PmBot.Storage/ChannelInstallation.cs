using PmBot.Core.Domain;

namespace PmBot.Storage;

/// <summary>
/// An app installed into a channel workspace (a Slack team via OAuth): its bot identity and bot token. The token is
/// stored protected (ASP.NET Core Data Protection, keys kept in this database); never in clear, never logged.
/// </summary>
public sealed class ChannelInstallation
{
    public Guid Id { get; init; } = NewId.Next();
    public required ChannelKind Channel { get; init; }

    /// <summary>The workspace in PmBot's model.</summary>
    public required Guid WorkspaceId { get; init; }

    /// <summary>Slack team id (or enterprise id for an org-wide install).</summary>
    public required string ExternalTeamId { get; init; }

    public string? EnterpriseId { get; set; }
    public string? BotUserId { get; set; }
    public string? AppId { get; set; }

    /// <summary>The bot token, protected with the purpose <c>PmBot.ChannelInstallation.BotToken</c>.</summary>
    public required string ProtectedBotToken { get; set; }

    /// <summary>Granted scopes, comma-separated as Slack reports them.</summary>
    public string? Scopes { get; set; }

    public DateTimeOffset InstalledAt { get; set; }

    /// <summary>Set on <c>app_uninstalled</c> / <c>tokens_revoked</c>: nothing is sent with this installation any more.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
