using System.Reflection;

namespace PmBot.Server.Tests.Architecture;

/// <summary>
/// The dependency rule: Server -> {Channels, Storage, Charts} -> Core. Core knows no EF, Hangfire, Polly, ASP.NET or
/// drawing library; Channels and Storage never reference each other; only Server knows Hangfire; only Charts draws.
/// </summary>
public sealed class DependencyRuleTests
{
    private static readonly Assembly Core = typeof(PmBot.Core.Dispatching.BotDispatcher).Assembly;
    private static readonly Assembly Storage = typeof(PmBot.Storage.PmBotDbContext).Assembly;
    private static readonly Assembly Channels = typeof(PmBot.Channels.WebChat.WebChatSender).Assembly;
    private static readonly Assembly Charts = typeof(PmBot.Charts.ScottPlotChartRenderer).Assembly;
    private static readonly Assembly Server = typeof(Program).Assembly;

    private static string[] References(Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

    [Fact]
    public void Core_References_OnlyTheBclAndExtensionsAbstractions()
    {
        var offending = References(Core).Where(name =>
            !(name is "System.Runtime" or "netstandard" or "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal)
              || (name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) && name.EndsWith(".Abstractions", StringComparison.Ordinal))));
        Assert.Empty(offending);
    }

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Hangfire")]
    [InlineData("Polly")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Npgsql")]
    [InlineData("ScottPlot")]
    [InlineData("SkiaSharp")]
    public void Core_DoesNotReference_Infrastructure(string prefix) =>
        Assert.DoesNotContain(References(Core), name => name.StartsWith(prefix, StringComparison.Ordinal));

    [Fact]
    public void ChannelsAndStorage_DoNotReferenceEachOther()
    {
        Assert.DoesNotContain(Storage.GetName().Name, References(Channels));
        Assert.DoesNotContain(Channels.GetName().Name, References(Storage));
    }

    [Fact]
    public void Charts_References_CoreAndTheDrawingLibrariesOnly()
    {
        var references = References(Charts);
        Assert.Contains(Core.GetName().Name, references);
        Assert.Contains(references, name => name.StartsWith("ScottPlot", StringComparison.Ordinal));
        foreach (var other in new[] { Storage, Channels, Server })
            Assert.DoesNotContain(other.GetName().Name, references);
        foreach (var assembly in new[] { Storage, Channels })
            Assert.DoesNotContain(References(assembly), name => name.StartsWith("ScottPlot", StringComparison.Ordinal) || name.StartsWith("SkiaSharp", StringComparison.Ordinal));
    }

    [Fact]
    public void OnlyServer_ReferencesHangfire()
    {
        foreach (var assembly in new[] { Core, Storage, Channels, Charts })
            Assert.DoesNotContain(References(assembly), name => name.StartsWith("Hangfire", StringComparison.Ordinal));
        Assert.Contains(References(Server), name => name.StartsWith("Hangfire", StringComparison.Ordinal));
    }

    [Fact]
    public void Server_References_ChannelsStorageAndCore()
    {
        var references = References(Server);
        Assert.Contains(Core.GetName().Name, references);
        Assert.Contains(Storage.GetName().Name, references);
        Assert.Contains(Channels.GetName().Name, references);
        Assert.Contains(Charts.GetName().Name, references);
    }
}
