using PmBot.Core.Localization;
using PmBot.Core.Messages;

namespace PmBot.Core.Features.Digest;

/// <summary>
/// One part of the PM's daily digest. A section reads what it needs through <see cref="ProjectData"/> (a fixed number
/// of queries whatever the project's size) and returns its blocks, or <see cref="DigestPart.None"/> to be left out.
/// Sections are independent: add one to <see cref="DigestBuilder.DefaultSections"/> to extend the digest.
/// </summary>
public interface IDigestSection
{
    Task<DigestPart> BuildAsync(ProjectData data, Localizer t, CancellationToken cancellationToken);
}

/// <summary>A section's blocks and a short headline for the notification text ("2 missed", "3 blockers open").</summary>
public sealed record DigestPart(IReadOnlyList<Block> Blocks, string? Headline = null)
{
    public static DigestPart None { get; } = new([]);
}
