using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace PmBot.Channels.Tests.Teams.Outbound;

public class TeamsManifestTests
{
    private const string BotId = "0b1e2d3c-4f5a-6b7c-8d9e-0f1a2b3c4d5e";
    private const string AppId = "9f8e7d6c-5b4a-4321-8765-0fedcba98765";

    [Fact]
    public void Manifest_PlaceholdersSubstituted_ValidAgainstBundledSchema()
    {
        NodeTool.EnsureInstalled();
        var file = Path.Combine(Path.GetTempPath(), $"pmbot-teams-manifest-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, Substituted());
        try
        {
            var run = NodeTool.Run("node", ["check-manifest.js", file], TimeSpan.FromMinutes(2));

            Assert.True(run.ExitCode == 0, $"@microsoft/app-manifest rejects manifests/teams/manifest.json:\n{run.Output}");
            Assert.Empty(JsonNode.Parse(run.Output.Trim().Split('\n')[^1])!["errors"]!.AsArray());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Manifest_Placeholders_RejectedUntilSubstituted()
    {
        NodeTool.EnsureInstalled();

        var run = NodeTool.Run("node", ["check-manifest.js", Path.Combine(Folder(), "manifest.json")], TimeSpan.FromMinutes(2));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("/bots/0/botId", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_Bot_HasScopesCommandsAndLimits()
    {
        var manifest = JsonNode.Parse(Substituted())!;
        Assert.True(((string)manifest["name"]!["short"]!).Length <= 30);
        Assert.True(((string)manifest["description"]!["short"]!).Length <= 80);
        var bot = manifest["bots"]![0]!;
        Assert.Equal(BotId, (string?)bot["botId"]);
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.False((bool)bot["supportsFiles"]!);
        var lists = bot["commandLists"]!.AsArray();
        Assert.Equal(["groupChat", "personal", "team"], lists.SelectMany(l => l!["scopes"]!.AsArray().Select(s => (string)s!)).Order(StringComparer.Ordinal));
        foreach (var list in lists)
        {
            var titles = list!["commands"]!.AsArray().Select(c => (string)c!["title"]!).ToList();
            Assert.Equal(["help", "project list", "project show", "project create", "member list", "me"], titles);
        }
    }

    [Fact]
    public void Icons_SizesAndOutlineWhiteOnTransparent()
    {
        var color = ReadPng(Path.Combine(Folder(), "color.png"));
        var outline = ReadPng(Path.Combine(Folder(), "outline.png"));

        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.True(color.Pixels.Any(p => p.R != p.G || p.G != p.B), "color.png must be in colour.");
        Assert.All(color.Pixels, p => Assert.Equal(255, p.A));
        Assert.All(outline.Pixels, p => Assert.True(p.A == 0 || (p.R == 255 && p.G == 255 && p.B == 255),
            $"outline.png may only hold white or fully transparent pixels, found ({p.R},{p.G},{p.B},{p.A})."));
        Assert.Contains(outline.Pixels, p => p.A == 255);
        Assert.Contains(outline.Pixels, p => p.A == 0);
    }

    [Fact]
    public void PackageScript_BotId_ZipsSubstitutedManifestAndIcons()
    {
        var bash = "/bin/bash";
        if (!File.Exists(bash))
            return;
        var zip = Path.Combine(Path.GetTempPath(), $"pmbot-teams-{Guid.NewGuid():N}.zip");
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo(bash) { RedirectStandardError = true, RedirectStandardOutput = true };
            start.ArgumentList.Add(Path.Combine(Folder(), "package.sh"));
            start.ArgumentList.Add(BotId);
            start.ArgumentList.Add(zip);
            start.Environment["APP_ID"] = AppId;
            using (var process = System.Diagnostics.Process.Start(start)!)
            {
                var error = process.StandardError.ReadToEnd();
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, error);
            }
            using var archive = ZipFile.OpenRead(zip);
            Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
            using var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open());
            Assert.Equal(Substituted(), reader.ReadToEnd());
        }
        finally
        {
            File.Delete(zip);
        }
    }

    private static string Substituted() => File.ReadAllText(Path.Combine(Folder(), "manifest.json"))
        .Replace("{{BOT_ID}}", BotId, StringComparison.Ordinal)
        .Replace("{{APP_ID}}", AppId, StringComparison.Ordinal);

    private static string Folder([CallerFilePath] string callerFile = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(callerFile)!); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "manifests", "teams");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException("manifests/teams not found above " + callerFile);
    }

    private sealed record Png(int Width, int Height, IReadOnlyList<(byte R, byte G, byte B, byte A)> Pixels);

    /// <summary>Decodes an 8-bit RGBA, non-interlaced PNG (what the icon script writes), undoing all five row filters.</summary>
    private static Png ReadPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        int width = 0, height = 0;
        using var idat = new MemoryStream();
        for (var offset = 8; offset < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4);
            var data = bytes.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]);
                Assert.Equal(6, data[9]);
                Assert.Equal(0, data[12]);
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            offset += 12 + length;
        }
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress))
            z.CopyTo(inflated);
        var raw = inflated.ToArray();
        var stride = width * 4;
        var previous = new byte[stride];
        var pixels = new List<(byte, byte, byte, byte)>(width * height);
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var row = raw.AsSpan(y * (stride + 1) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int a = i >= 4 ? row[i - 4] : 0, b = previous[i], c = i >= 4 ? previous[i - 4] : 0;
                row[i] = (byte)(row[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"Unknown PNG filter {filter}."),
                });
            }
            for (var x = 0; x < width; x++)
                pixels.Add((row[x * 4], row[x * 4 + 1], row[x * 4 + 2], row[x * 4 + 3]));
            previous = row;
        }
        return new Png(width, height, pixels);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
