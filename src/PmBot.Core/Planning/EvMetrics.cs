namespace PmBot.Core.Planning;

/// <summary>
/// Earned value figures for a project, a WBS branch or one item. Money is <c>decimal</c>; every ratio whose divisor is zero
/// is null (never NaN or infinity).
/// </summary>
/// <remarks>
/// SV = EV - PV; CV = EV - AC; SPI = EV / PV; CPI = EV / AC;
/// <see cref="EacAtCpi"/> = BAC / CPI (the current cost efficiency goes on);
/// <see cref="EacAtCpiSpi"/> = AC + (BAC - EV) / (CPI × SPI) (both efficiencies weigh on the rest);
/// ETC = EAC(CPI) - AC; VAC = BAC - EAC(CPI); TCPI = (BAC - EV) / (BAC - AC) (the efficiency needed to finish on budget).
/// Percentages are 0-100.
/// </remarks>
public sealed record EvMetrics(decimal Bac, decimal Pv, decimal Ev, decimal Ac)
{
    public decimal Sv => Ev - Pv;
    public decimal Cv => Ev - Ac;
    public decimal? Spi => Pv == 0 ? null : Ev / Pv;
    public decimal? Cpi => Ac == 0 ? null : Ev / Ac;

    /// <summary>BAC / CPI, computed as BAC × AC / EV; null when CPI is undefined or zero.</summary>
    public decimal? EacAtCpi => Ac == 0 || Ev == 0 ? null : Bac * Ac / Ev;

    /// <summary>AC + (BAC - EV) / (CPI × SPI), computed as AC + (BAC - EV) × AC × PV / EV²; null when CPI or SPI is undefined or zero.</summary>
    public decimal? EacAtCpiSpi => Ac == 0 || Pv == 0 || Ev == 0 ? null : Ac + (Bac - Ev) * Ac * Pv / (Ev * Ev);

    public decimal? Etc => EacAtCpi - Ac;
    public decimal? Vac => Bac - EacAtCpi;
    public decimal? Tcpi => Bac == Ac ? null : (Bac - Ev) / (Bac - Ac);

    public decimal? PercentComplete => Bac == 0 ? null : Ev * 100 / Bac;
    public decimal? PercentPlanned => Bac == 0 ? null : Pv * 100 / Bac;
    public decimal? PercentSpent => Bac == 0 ? null : Ac * 100 / Bac;
}
