namespace PmBot.Core.Domain;

/// <summary>The chat surfaces PmBot lives in. Stored as text, so never renumber.</summary>
public enum ChannelKind
{
    WebChat,
    Slack,
    Teams,
}
