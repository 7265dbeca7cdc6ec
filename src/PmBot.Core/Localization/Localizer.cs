using System.Globalization;
using System.Resources;
using PmBot.Core.Domain;

namespace PmBot.Core.Localization;

/// <summary>All user-facing text, from <c>Strings.resx</c> (en) and <c>Strings.zh-CN.resx</c>.</summary>
public sealed class Localizer
{
    internal static readonly ResourceManager Resources = new("PmBot.Core.Localization.Strings", typeof(Localizer).Assembly);

    private Localizer(string locale)
    {
        Locale = locale;
        Culture = Locales.Culture(locale);
    }

    public static Localizer English { get; } = new(Locales.English);
    public static Localizer Chinese { get; } = new(Locales.Chinese);

    public static Localizer For(string? locale) => Locales.TryNormalize(locale, out var l) && l == Locales.Chinese ? Chinese : English;

    public string Locale { get; }
    public CultureInfo Culture { get; }

    /// <summary>The text for <paramref name="key"/>, formatted with <paramref name="args"/>; the key itself if missing.</summary>
    public string this[string key, params object?[] args]
    {
        get
        {
            var text = Resources.GetString(key, Culture) ?? key;
            return args.Length == 0 ? text : string.Format(Culture, text, args);
        }
    }

    public bool Has(string key) => Resources.GetString(key, Culture) is not null;

    public string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? this["common.none"];

    public string Role(ProjectRole role) => this["role." + role.ToString().ToLowerInvariant()];

    public string Status(ProjectStatus status) => this["status." + status.ToString().ToLowerInvariant()];
}
