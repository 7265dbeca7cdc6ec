using System.Globalization;

namespace PmBot.Core.Domain;

/// <summary>The languages PmBot speaks.</summary>
public static class Locales
{
    public const string English = "en";
    public const string Chinese = "zh-CN";

    public static readonly IReadOnlyList<string> Supported = [English, Chinese];

    /// <summary>Maps channel locales ("en-US", "zh-cn", "zh_CN", "zh-Hans") onto a supported one.</summary>
    public static bool TryNormalize(string? input, out string locale)
    {
        locale = English;
        if (string.IsNullOrWhiteSpace(input))
            return false;
        var value = input.Trim().Replace('_', '-');
        if (value.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
        {
            locale = Chinese;
            return true;
        }
        if (value.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            locale = English;
            return true;
        }
        return false;
    }

    public static CultureInfo Culture(string locale) => CultureInfo.GetCultureInfo(locale == Chinese ? Chinese : English);
}
