namespace PmBot.Core.Domain;

/// <summary>IANA time zone ids as members type them.</summary>
public static class TimeZones
{
    public static readonly IReadOnlyList<string> Examples = ["Asia/Shanghai", "Europe/Berlin", "America/New_York", "UTC"];

    /// <summary>Accepts an IANA id in any letter case and returns it in its canonical spelling.</summary>
    public static bool TryNormalize(string? input, out string zoneId)
    {
        zoneId = "";
        if (string.IsNullOrWhiteSpace(input) || input.Length > 64)
            return false;
        var candidate = input.Trim();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(candidate, out var zone))
        {
            var match = TimeZoneInfo.GetSystemTimeZones().FirstOrDefault(z => string.Equals(z.Id, candidate, StringComparison.OrdinalIgnoreCase));
            if (match is null)
                return false;
            zone = match;
        }
        if (zone.HasIanaId)
        {
            zoneId = zone.Id;
            return true;
        }
        if (TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana))
        {
            zoneId = iana;
            return true;
        }
        return false;
    }
}
