using PmBot.Core.Domain;
using PmBot.Core.Localization;

namespace PmBot.Core.Features.Digest;

/// <summary>Small text helpers shared by the digest's sections.</summary>
public static class DigestText
{
    /// <summary>At most this many names in one list; the rest are counted.</summary>
    public const int MaxNames = 30;

    /// <summary>"Ann, Bob and 12 more".</summary>
    public static string Names(IReadOnlyCollection<string> names, Localizer t, int max = MaxNames) =>
        names.Count <= max
            ? string.Join(t["digest.list_separator"], names)
            : t["digest.and_more", string.Join(t["digest.list_separator"], names.Take(max)), names.Count - max];

    /// <summary>A member's name, or a placeholder for one that is gone.</summary>
    public static string NameOf(IReadOnlyDictionary<Guid, Member> members, Guid? id, Localizer t) =>
        id is { } memberId && members.TryGetValue(memberId, out var member) ? member.DisplayName : t["common.none"];

    /// <summary>A text cut to <paramref name="max"/> characters on one line, for quoting an answer.</summary>
    public static string Quote(string text, int max = 200)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= max ? line : line[..(max - 1)].TrimEnd() + "…";
    }

    /// <summary>The command a button runs to nudge a member (a DM through the outbox).</summary>
    public static string NudgeCommand(Member member, Project project) => $"nudge <@{member.ExternalUserId}> project {project.Key}";
}
