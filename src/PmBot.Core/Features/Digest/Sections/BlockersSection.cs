using PmBot.Core.Domain;
using PmBot.Core.Features.Plan;
using PmBot.Core.Localization;
using PmBot.Core.Messages;

namespace PmBot.Core.Features.Digest.Sections;

/// <summary>A blocker as the digest shows it: how it changed since the previous digest, whose, on which task, how old.</summary>
public sealed record BlockerLine(Blocker Blocker, BlockerChange Change, string Owner, string? Task, int OpenDays);

/// <summary>Open blockers (new first, then changed, then unchanged) and those resolved since the previous digest.</summary>
public sealed record BlockerFigures(IReadOnlyList<BlockerLine> Open, IReadOnlyList<BlockerLine> Resolved)
{
    public int Count(BlockerChange change) => Open.Count(l => l.Change == change);
}

/// <summary>
/// Blockers, carried from digest to digest until resolved: each open one marked new, changed or unchanged since the
/// previous digest, with its owner, task and age; those resolved since then; a button to resolve each of the first
/// <see cref="MaxResolveButtons"/>.
/// </summary>
public sealed class BlockersSection : IDigestSection
{
    public const int MaxResolveButtons = 5;

    /// <summary>At most this many open blockers are listed one per line; the rest are counted.</summary>
    public const int MaxLines = 40;

    public async Task<DigestPart> BuildAsync(ProjectData data, Localizer t, CancellationToken cancellationToken)
    {
        var blockers = await data.BlockersAsync(cancellationToken);
        if (blockers.Count == 0)
            return new DigestPart([new TextBlock(t["digest.blockers.title"] + " — " + t["digest.blockers.none"])]);
        var members = await data.MembersAsync(cancellationToken);
        var wbs = blockers.Any(b => b.WorkItemId is not null) ? await data.WbsAsync(cancellationToken) : null;
        return Render(Compute(blockers, members, wbs, data.Since, data.Now, t), data.Project, t);
    }

    public static BlockerFigures Compute(IEnumerable<Blocker> blockers, IReadOnlyDictionary<Guid, Member> members, Wbs? wbs, DateTimeOffset since, DateTimeOffset now, Localizer t)
    {
        var items = wbs?.Items.ToDictionary(i => i.Id);
        var lines = blockers.Select(b => new BlockerLine(
            b,
            b.ChangeSince(since),
            DigestText.NameOf(members, b.MemberId, t),
            b.WorkItemId is { } id && items is not null && items.TryGetValue(id, out var item) ? $"{wbs!.ShortId(item)} {item.Name}" : null,
            Math.Max(0, (int)((b.ResolvedAt ?? now) - b.OpenedAt).TotalDays))).ToList();
        return new BlockerFigures(
            lines.Where(l => l.Blocker.Status == BlockerStatus.Open).OrderBy(l => l.Change).ThenBy(l => l.Blocker.Number).ToList(),
            lines.Where(l => l.Change == BlockerChange.Resolved).OrderBy(l => l.Blocker.Number).ToList());
    }

    public static DigestPart Render(BlockerFigures figures, Project project, Localizer t)
    {
        var lines = new List<string>
        {
            t["digest.blockers.title"] + " — " + t["digest.blockers.summary", figures.Open.Count, figures.Count(BlockerChange.New), figures.Count(BlockerChange.Changed), figures.Resolved.Count],
        };
        foreach (var line in figures.Open.Take(MaxLines))
        {
            var mark = line.Change switch
            {
                BlockerChange.New => t["digest.blockers.new"],
                BlockerChange.Changed => t["digest.blockers.changed"],
                _ => t["digest.blockers.unchanged"],
            };
            var task = line.Task is null ? "" : " · " + line.Task;
            lines.Add($"- {mark} *#{line.Blocker.Number}* {line.Owner}: {DigestText.Quote(line.Blocker.Text)}{task} · {t["digest.blockers.age", line.OpenDays]}");
        }
        if (figures.Open.Count > MaxLines)
            lines.Add("- " + t["digest.more", figures.Open.Count - MaxLines]);
        if (figures.Resolved.Count > 0)
            lines.Add("- " + t["digest.blockers.resolved", DigestText.Names(figures.Resolved.Select(l => $"#{l.Blocker.Number} {DigestText.Quote(l.Blocker.Text, 60)}").ToList(), t, 10)]);
        var blocks = new List<Block> { new TextBlock(string.Join('\n', lines)) };
        var buttons = figures.Open.Take(MaxResolveButtons)
            .Select(l => new ActionButton(t["digest.button.resolve", l.Blocker.Number], $"blocker resolve {l.Blocker.Number} project {project.Key}"))
            .ToList();
        if (buttons.Count > 0)
            blocks.Add(new ActionsBlock(buttons));
        return new DigestPart(blocks, figures.Open.Count == 0 ? null : t["digest.blockers.headline", figures.Open.Count, figures.Count(BlockerChange.New)]);
    }
}
