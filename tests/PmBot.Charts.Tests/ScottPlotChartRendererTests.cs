using System.Buffers.Binary;
using PmBot.Core.Charts;
using SkiaSharp;

namespace PmBot.Charts.Tests;

public sealed class ScottPlotChartRendererTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly ScottPlotChartRenderer _renderer = new();

    public static TheoryData<string> Kinds => ["gantt", "gantt-zh", "burn", "workload"];

    private static ChartModel Sample(string kind) => kind switch
    {
        "gantt" => SampleCharts.Gantt(),
        "gantt-zh" => SampleCharts.ChineseGantt(),
        "burn" => SampleCharts.BurnDown(),
        _ => SampleCharts.Workload(),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void RenderPng_EachKind_IsAPngOfReadableSize(string kind)
    {
        var png = _renderer.RenderPng(Sample(kind));

        Assert.Equal(PngSignature, png[..8]);
        // IHDR: width and height, big-endian, right after the signature and the chunk header.
        Assert.Equal(ScottPlotChartRenderer.Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.InRange(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)), 300, 2500);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void RenderPng_EachKind_DrawsInColour(string kind)
    {
        using var bitmap = SKBitmap.Decode(_renderer.RenderPng(Sample(kind)));

        var colours = new HashSet<SKColor>();
        var coloured = 0;
        for (var y = 0; y < bitmap.Height; y += 3)
        {
            for (var x = 0; x < bitmap.Width; x += 3)
            {
                var c = bitmap.GetPixel(x, y);
                colours.Add(c);
                if (Math.Max(c.Red, Math.Max(c.Green, c.Blue)) - Math.Min(c.Red, Math.Min(c.Green, c.Blue)) > 60)
                    coloured++;
            }
        }
        Assert.True(colours.Count > 20, $"only {colours.Count} distinct colours");
        Assert.True(coloured > 200, $"only {coloured} sampled pixels in colour");
    }

    [Fact]
    public void RenderPng_GanttWithCriticalRows_HasCriticalRed()
    {
        using var bitmap = SKBitmap.Decode(_renderer.RenderPng(SampleCharts.Gantt()));

        Assert.Contains(Pixels(bitmap), c => c == new SKColor(0xD6, 0x45, 0x41));
    }

    [Fact]
    public void RenderPng_ChineseLabels_AreDrawnAsDistinctGlyphs()
    {
        // Without a font that has them, every Chinese character is the same "missing glyph" box, so two titles with
        // the same characters in another order would draw the same picture.
        var a = _renderer.RenderPng(SampleCharts.ChineseGantt() with { Title = "进度计划" });
        var b = _renderer.RenderPng(SampleCharts.ChineseGantt() with { Title = "计划进度" });

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void FamilyFor_ChineseText_PicksAFontThatHasTheGlyphs()
    {
        var family = ChartFonts.FamilyFor(["APOLLO", "进度"], "zh-CN");

        Assert.True(ChartFonts.CanRender(family, "进度 APOLLO"), $"{family} cannot draw 进度");
    }

    [Fact]
    public void FamilyFor_LatinText_KeepsTheDefault()
    {
        Assert.Equal(ChartFonts.Default, ChartFonts.FamilyFor(["APOLLO schedule", "Nov 24"], "en"));
        Assert.False(ChartFonts.CanRender(ChartFonts.Default, "进度"));
    }

    [Fact]
    public void RenderPng_ManyRows_GrowsTallerNotCramped()
    {
        var rows = Enumerable.Range(0, 40).Select(i => new GanttRow($"Task {i}", new DateOnly(2026, 11, 2).AddDays(i), new DateOnly(2026, 11, 4).AddDays(i))).ToList();
        var small = _renderer.RenderPng(SampleCharts.Gantt());
        var large = _renderer.RenderPng(SampleCharts.Gantt() with { Rows = rows });

        Assert.True(BinaryPrimitives.ReadInt32BigEndian(large.AsSpan(20, 4)) > BinaryPrimitives.ReadInt32BigEndian(small.AsSpan(20, 4)) + 800);
    }

    private static IEnumerable<SKColor> Pixels(SKBitmap bitmap)
    {
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = 0; x < bitmap.Width; x += 2)
                yield return bitmap.GetPixel(x, y);
        }
    }
}
