namespace PmBot.Core.Planning;

/// <summary>A budget line: the amount planned for one category and the share of it at which to raise an alert.</summary>
public sealed record BudgetLineInput(string Category, decimal Planned, decimal AlertPercent = BudgetStatus.DefaultAlertPercent);

/// <summary>Money spent in a category on a date (a cost entry, or the cost of logged hours).</summary>
public sealed record Spend(string Category, DateOnly Date, decimal Amount);

/// <summary>Inputs of <see cref="BudgetStatus.Compute"/>. Categories are compared as given (normalise them first).</summary>
/// <param name="StatusDate">Spending after this date is ignored; the burn-rate window ends on it (inclusive).</param>
/// <param name="Lines">The budget lines (at most one per category).</param>
/// <param name="Spending">Every spend of the project, any category.</param>
public sealed record BudgetInput(DateOnly StatusDate, IReadOnlyList<BudgetLineInput> Lines, IReadOnlyList<Spend> Spending)
{
    /// <summary>The project's start: the burn-rate window never reaches before it.</summary>
    public DateOnly? ProjectStart { get; init; }

    /// <summary>The forecast finish (from the schedule): burn-rate forecasts run until then.</summary>
    public DateOnly? ForecastFinish { get; init; }

    /// <summary>A bottom-up estimate to complete per category (e.g. labour: remaining hours × rates), trusted over the burn rate.</summary>
    public IReadOnlyDictionary<string, decimal> EstimateToComplete { get; init; } = new Dictionary<string, decimal>();

    /// <summary>The burn rate is the spending of the last this-many weeks, per week.</summary>
    public int BurnRateWeeks { get; init; } = 4;
}

/// <summary>One category's standing at the status date. Percentages are 0-100 (and more), rounded to 1 decimal.</summary>
/// <param name="Category">The category.</param>
/// <param name="Planned">The budget line's amount (0 for spending in a category with no line).</param>
/// <param name="Actual">Spent through the status date.</param>
/// <param name="PercentConsumed">Actual / planned × 100; null without a planned amount.</param>
/// <param name="BurnRatePerWeek">Spending per week over the burn-rate window.</param>
/// <param name="Forecast">Forecast at completion (see <see cref="BudgetStatus"/>).</param>
/// <param name="AlertPercent">The line's alert threshold.</param>
/// <param name="Alert">Consumed ≥ the threshold; for a category with no line, any spending at all.</param>
/// <param name="Budgeted">False for spending in a category with no budget line.</param>
public sealed record BudgetLineStatus(
    string Category,
    decimal Planned,
    decimal Actual,
    decimal? PercentConsumed,
    decimal BurnRatePerWeek,
    decimal Forecast,
    decimal AlertPercent,
    bool Alert,
    bool Budgeted)
{
    /// <summary>Planned - forecast: negative = heading over the line by that much.</summary>
    public decimal ForecastVariance => Planned - Forecast;

    /// <summary>The forecast exceeds the planned amount.</summary>
    public bool ForecastOverrun => Forecast > Planned;

    /// <summary>Planned - actual, never below 0.</summary>
    public decimal Left => Math.Max(0, Planned - Actual);
}

/// <summary>Every category (budget lines in the order given, then unbudgeted spending by name) and the total.</summary>
public sealed record BudgetReport(DateOnly StatusDate, IReadOnlyList<BudgetLineStatus> Lines, BudgetLineStatus Total)
{
    /// <summary>The lines that need attention (alert or forecast overrun), worst consumption first.</summary>
    public IEnumerable<BudgetLineStatus> Alerts => Lines.Where(l => l.Alert || l.ForecastOverrun).OrderByDescending(l => l.PercentConsumed ?? decimal.MaxValue);
}

/// <summary>
/// Budget lines against spending at a status date: actual, percent consumed, burn rate, forecast at completion and the
/// alert flag, per category and in total. Pure and thread-safe; alerting and digests call it as well as <c>budget show</c>.
/// </summary>
/// <remarks>
/// <para>Actual = the spending dated on or before the status date.</para>
/// <para>Burn rate per week = the spending in the window of the last <see cref="BudgetInput.BurnRateWeeks"/> × 7 days ending on
/// the status date, divided by the window's length in weeks; the window starts no earlier than the project start, so a
/// project in its second week is not averaged over four.</para>
/// <para>Forecast at completion = actual + the category's estimate to complete when one is given (bottom-up, may be below
/// the plan); otherwise actual + the larger of what is left of the line (planned - actual, at least 0) and the burn rate
/// carried on to the forecast finish: the rest of the line is assumed to be spent, unless the current burn says more.</para>
/// <para>Alert = a budgeted line whose consumption reached its threshold, or any spending in a category with no line.
/// The total's threshold is <see cref="DefaultAlertPercent"/>.</para>
/// </remarks>
public static class BudgetStatus
{
    public const decimal DefaultAlertPercent = 90;

    public static BudgetReport Compute(BudgetInput input)
    {
        var status = input.StatusDate;
        var windowDays = input.BurnRateWeeks * 7;
        var windowStart = status.AddDays(1 - windowDays);
        if (input.ProjectStart is { } start && start > windowStart)
            windowStart = start;
        var windowLength = status.DayNumber - windowStart.DayNumber + 1; // ≤ 0 before the project starts
        var weeksToFinish = input.ForecastFinish is { } finish && finish > status ? (finish.DayNumber - status.DayNumber) / 7m : 0m;

        var actual = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var recent = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var spend in input.Spending)
        {
            if (spend.Date > status)
                continue;
            actual[spend.Category] = actual.GetValueOrDefault(spend.Category) + spend.Amount;
            if (spend.Date >= windowStart)
                recent[spend.Category] = recent.GetValueOrDefault(spend.Category) + spend.Amount;
        }

        BudgetLineStatus Line(string category, decimal planned, decimal alertPercent, bool budgeted)
        {
            var spent = actual.GetValueOrDefault(category);
            var burn = windowLength <= 0 ? 0 : Round(recent.GetValueOrDefault(category) * 7 / windowLength);
            var forecast = input.EstimateToComplete.TryGetValue(category, out var etc)
                ? spent + etc
                : spent + Math.Max(Math.Max(0, planned - spent), burn * weeksToFinish);
            decimal? consumed = planned > 0 ? Math.Round(spent * 100 / planned, 1, MidpointRounding.AwayFromZero) : null;
            var alert = budgeted ? consumed >= alertPercent || (planned == 0 && spent > 0) : spent > 0;
            return new BudgetLineStatus(category, planned, spent, consumed, burn, Round(forecast), alertPercent, alert, budgeted);
        }

        var lines = new List<BudgetLineStatus>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in input.Lines)
        {
            if (!seen.Add(line.Category))
                throw new ArgumentException($"Category {line.Category} has two budget lines.", nameof(input));
            if (line.Planned < 0)
                throw new ArgumentException($"Category {line.Category} has a negative budget.", nameof(input));
            lines.Add(Line(line.Category, line.Planned, line.AlertPercent, budgeted: true));
        }
        var unbudgeted = actual.Keys.Concat(input.EstimateToComplete.Where(kv => kv.Value > 0).Select(kv => kv.Key))
            .Where(c => !seen.Contains(c)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var category in unbudgeted)
            lines.Add(Line(category, 0, DefaultAlertPercent, budgeted: false));

        var planned = lines.Sum(l => l.Planned);
        var spentTotal = lines.Sum(l => l.Actual);
        decimal? totalConsumed = planned > 0 ? Math.Round(spentTotal * 100 / planned, 1, MidpointRounding.AwayFromZero) : null;
        var total = new BudgetLineStatus(
            "",
            planned,
            spentTotal,
            totalConsumed,
            lines.Sum(l => l.BurnRatePerWeek),
            lines.Sum(l => l.Forecast),
            DefaultAlertPercent,
            totalConsumed >= DefaultAlertPercent,
            Budgeted: planned > 0);
        return new BudgetReport(status, lines, total);
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
