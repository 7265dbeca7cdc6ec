using System.Globalization;

namespace PmBot.Core.Domain;

/// <summary>
/// Hours someone worked on a work item on one date (<c>log 3h APOLLO-12</c>). The member's hourly rate at the time
/// is frozen on the entry, so a later rate change does not rewrite what the work cost.
/// </summary>
public sealed class TimeEntry
{
    public const int MaxNoteLength = 500;

    /// <summary>One entry holds at most a day and a night of work.</summary>
    public const decimal MaxHours = 24;

    public Guid Id { get; init; } = NewId.Next();
    public required Guid ProjectId { get; init; }
    public required Guid WorkItemId { get; init; }
    public required Guid MemberId { get; init; }

    /// <summary>The day the work was done (the member's calendar).</summary>
    public required DateOnly Date { get; init; }

    public required decimal Hours { get; init; }

    /// <summary>The member's hourly rate when the entry was made (0 when they had none).</summary>
    public required decimal Rate { get; init; }

    /// <summary>Hours × rate, rounded to cents.</summary>
    public required decimal Cost { get; init; }

    public string? Note { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public static decimal CostOf(decimal hours, decimal rate) => Math.Round(hours * rate, 2, MidpointRounding.AwayFromZero);
}

/// <summary>Money spent on the project (<c>cost add 1200 "licences" APOLLO-12 software</c>), optionally on one work item.</summary>
public sealed class CostEntry
{
    public const int MaxDescriptionLength = 200;

    public Guid Id { get; init; } = NewId.Next();
    public required Guid ProjectId { get; init; }

    /// <summary>The work item the cost belongs to; null: the project as a whole.</summary>
    public Guid? WorkItemId { get; init; }

    public required decimal Amount { get; init; }
    public required string Description { get; init; }

    /// <summary>Normalised by <see cref="CostCategories.Normalize"/>; <see cref="CostCategories.Other"/> when none was given.</summary>
    public required string Category { get; init; }

    public required DateOnly Date { get; init; }
    public required Guid RecordedByMemberId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The amount planned for one category of spending in a project (<c>budget set hardware 5000 alert 80%</c>).</summary>
public sealed class BudgetLine
{
    public const int DefaultAlertPercent = 90;

    public required Guid ProjectId { get; init; }

    /// <summary>Normalised by <see cref="CostCategories.Normalize"/>; unique per project.</summary>
    public required string Category { get; init; }

    public required decimal Amount { get; set; }

    /// <summary>The line is flagged once this percentage of it is consumed.</summary>
    public int AlertPercent { get; set; } = DefaultAlertPercent;

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A work item's progress as reported on one date: every <c>task start|done|progress|remaining</c> (and a <c>log</c> that
/// starts a task or lowers its remaining hours) writes one, at most one per item and date (the last report of the day
/// wins). Earned value at a past status date reads the latest snapshot on or before it.
/// </summary>
public sealed class ProgressSnapshot
{
    public ProgressSnapshot() => Id = NewId.Next();

    /// <summary>A stored snapshot read back (no new id drawn).</summary>
    public ProgressSnapshot(Guid id) => Id = id;

    public Guid Id { get; init; }
    public required Guid ProjectId { get; init; }
    public required Guid WorkItemId { get; init; }
    public required DateOnly Date { get; init; }
    public int PercentComplete { get; set; }

    /// <summary>The remaining hours as given by the team (<see cref="WorkItem.RemainingHours"/>); null when none was given.</summary>
    public decimal? RemainingHours { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>Categories of spending: free words, compared case-insensitively, with two that PmBot knows.</summary>
public static class CostCategories
{
    public const int MaxLength = 40;

    /// <summary>
    /// The cost of people's time. Its actual is the cost of every logged hour (at the rate frozen on the entry) plus any
    /// cost entry filed under it; its forecast adds the remaining hours of open tasks at their owners' rates.
    /// </summary>
    public const string Labour = "labour";

    /// <summary>Where a cost entry without a category goes.</summary>
    public const string Other = "other";

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["labor"] = Labour,
        ["人工"] = Labour,
        ["人工费"] = Labour,
        ["人力"] = Labour,
        ["其他"] = Other,
        ["其它"] = Other,
        ["misc"] = Other,
    };

    /// <summary>Trimmed and lower-cased, aliases mapped ("Labor", "人工" → labour); null or blank → other.</summary>
    public static string Normalize(string? category)
    {
        if (string.IsNullOrWhiteSpace(category))
            return Other;
        var key = category.Trim().ToLowerInvariant();
        return Aliases.GetValueOrDefault(key, key);
    }

    public static bool IsValid(string category) =>
        category.Length is > 0 and <= MaxLength && !category.Any(char.IsControl);
}

/// <summary>ISO 4217 currency codes as typed.</summary>
public static class Currencies
{
    public const string Default = "USD";

    /// <summary>Three letters, any case (<c>eur</c> → <c>EUR</c>).</summary>
    public static bool TryNormalize(string? text, out string code)
    {
        code = (text ?? "").Trim().ToUpperInvariant();
        return code.Length == 3 && code.All(c => c is >= 'A' and <= 'Z');
    }
}

/// <summary>Effort arithmetic: how hours relate to working days.</summary>
public static class Effort
{
    /// <summary>A working day of effort (<c>1d</c> = 8h; remaining hours ÷ 8 = remaining working days).</summary>
    public const decimal HoursPerDay = 8;

    /// <summary>Working days needed for <paramref name="hours"/>, rounded up (0 for none).</summary>
    public static int Days(decimal hours) => hours <= 0 ? 0 : (int)Math.Ceiling(hours / HoursPerDay);

    /// <summary>"16", "2.5": hours without trailing zeros, invariant.</summary>
    public static string Format(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);
}
