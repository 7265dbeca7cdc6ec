namespace PmBot.Core.Domain;

/// <summary>The project a conversation works on by default (<c>project use KEY</c>).</summary>
public sealed class ConversationProject
{
    public required Guid WorkspaceId { get; init; }
    public required string ConversationId { get; init; }
    public required Guid ProjectId { get; set; }
}
