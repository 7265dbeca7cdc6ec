using PmBot.Core.Domain;
using PmBot.Core.Localization;

namespace PmBot.Core.Features.Costs;

/// <summary>How amounts, hours and ratios are written in replies (in the member's culture).</summary>
public static class CostFormat
{
    /// <summary>"1,200.00": two decimals, grouped.</summary>
    public static string Money(this Localizer t, decimal amount) => amount.ToString("#,0.00;-#,0.00", t.Culture);

    public static string Money(this Localizer t, decimal? amount) => amount is { } a ? t.Money(a) : t["common.none"];

    /// <summary>"+1,200.00" / "-300.00": a variance, signed.</summary>
    public static string Signed(this Localizer t, decimal amount) => amount.ToString("+#,0.00;-#,0.00;0.00", t.Culture);

    /// <summary>"1,200.00 USD".</summary>
    public static string Money(this Localizer t, decimal amount, Project project) => t.Money(amount) + " " + project.Currency;

    /// <summary>"16 h", "2.5 h".</summary>
    public static string Hours(this Localizer t, decimal hours) => t["costs.hours", hours.ToString("#,0.##", t.Culture)];

    public static string Hours(this Localizer t, decimal? hours) => hours is { } h ? t.Hours(h) : t["common.none"];

    /// <summary>"0.83": an index such as SPI or CPI; "—" when undefined.</summary>
    public static string Index(this Localizer t, decimal? value) => value is { } v ? v.ToString("0.00", t.Culture) : t["common.none"];

    /// <summary>"83%", "12.5%".</summary>
    public static string Percent(this Localizer t, decimal? value) => value is { } v ? v.ToString("0.#", t.Culture) + "%" : t["common.none"];

    /// <summary>The category as shown: the two PmBot knows in the member's language, others as typed.</summary>
    public static string Category(this Localizer t, string category) =>
        category is CostCategories.Labour or CostCategories.Other ? t["category." + category] : category;
}
