using PmBot.Core.Charts;

namespace PmBot.Core.Ports;

/// <summary>Draws a chart model as a PNG image.</summary>
public interface IChartRenderer
{
    /// <summary>The PNG bytes of <paramref name="chart"/>, sized for reading in a chat (about 1200 px wide).</summary>
    byte[] RenderPng(ChartModel chart);
}
