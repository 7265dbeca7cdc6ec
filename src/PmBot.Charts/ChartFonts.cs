using System.Text;
using SkiaSharp;

namespace PmBot.Charts;

/// <summary>
/// Picks the font family a chart is drawn with. ScottPlot's default (DejaVu Sans on Linux) has no Chinese glyphs;
/// when a chart's text has a character it lacks, the system font manager (fontconfig) is asked for a family that has
/// it, preferring the chart's language (so zh-CN gets the Simplified Chinese cut of Noto Sans CJK). With no such
/// font installed the default stays and the characters show as boxes: install <c>fonts-noto-cjk</c>.
/// Typefaces are not disposed here: Skia hands out shared instances that ScottPlot caches too.
/// </summary>
public static class ChartFonts
{
    /// <summary>ScottPlot's default sans-serif family, as detected at start-up.</summary>
    public static string Default { get; } = ScottPlot.Fonts.Default;

    /// <summary>The family for drawing every text in <paramref name="texts"/>.</summary>
    public static string FamilyFor(IEnumerable<string> texts, string culture)
    {
        var fallback = Default;
        using var font = new SKFont(SKTypeface.FromFamilyName(fallback));
        foreach (var text in texts)
        {
            foreach (var rune in text.EnumerateRunes())
            {
                if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune) || font.ContainsGlyph(rune.Value))
                    continue;
                var match = SKFontManager.Default.MatchCharacter(fallback, SKFontStyle.Normal, [culture], rune.Value);
                if (match is not null)
                    return match.FamilyName;
            }
        }
        return fallback;
    }

    /// <summary>True when <paramref name="family"/> has a glyph for every character of <paramref name="text"/>.</summary>
    public static bool CanRender(string family, string text)
    {
        using var font = new SKFont(SKTypeface.FromFamilyName(family));
        return text.EnumerateRunes().All(r => Rune.IsWhiteSpace(r) || font.ContainsGlyph(r.Value));
    }

    /// <summary>
    /// How far (pixels) to move legend labels down so they sit beside their symbols. ScottPlot lays legend rows out
    /// for its default font; a font with a taller head (Noto Sans CJK reserves room for tall glyphs above the ascent)
    /// is drawn that much too high and its top is clipped.
    /// </summary>
    public static float LegendLabelOffset(string family, float size)
    {
        using var font = new SKFont(SKTypeface.FromFamilyName(family), size);
        using var reference = new SKFont(SKTypeface.FromFamilyName(Default), size);
        var extra = (font.Metrics.Ascent - font.Metrics.Top) - (reference.Metrics.Ascent - reference.Metrics.Top);
        return Math.Max(0, extra);
    }
}
