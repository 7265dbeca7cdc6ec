using System.Net;
using PmBot.Core.Ports;
using PmBot.Server.Files;
using PmBot.Server.Jobs;
using PmBot.Server.Tests.Infrastructure;
using PmBot.Storage.Files;

namespace PmBot.Server.Tests.Files;

/// <summary>Published files behind signed URLs, on both stores and with both kinds of signature.</summary>
public sealed class FileEndpointTests
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
    private const string HmacKey = "a-test-signing-key-of-at-least-32-chars!";

    public static TheoryData<Store, bool> StoresAndKeys() => new()
    {
        { Store.Sqlite, false },
        { Store.Sqlite, true },
        { Store.Postgres, false },
        { Store.Postgres, true },
    };

    private static Task<PmBotApp> StartAsync(Store store, bool hmac) =>
        PmBotApp.StartAsync(store, hmac ? new Dictionary<string, string?> { ["PmBot:Files:SigningKey"] = HmacKey } : null);

    private static Task<PublishedFile> PublishAsync(PmBotApp app, string name = "APOLLO-gantt.png", string type = "image/png") =>
        app.Get<IFilePublisher>().PublishAsync(new FileContent(name, type, Png), CancellationToken.None);

    [Theory]
    [MemberData(nameof(StoresAndKeys))]
    public async Task Get_ValidUrl_ServesThePngInlineWithCacheHeaders(Store store, bool hmac)
    {
        await using var app = await StartAsync(store, hmac);
        var published = await PublishAsync(app);
        using var http = app.CreateClient();

        var response = await http.GetAsync(published.Url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("/files/", published.Url, StringComparison.Ordinal);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("APOLLO-gantt.png", response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        Assert.True(response.Headers.CacheControl!.Private);
        Assert.InRange(response.Headers.CacheControl.MaxAge!.Value, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7));
        Assert.Contains("nosniff", response.Headers.GetValues("X-Content-Type-Options"));
    }

    [Theory]
    [MemberData(nameof(StoresAndKeys))]
    public async Task Get_TamperedUrl_Is403WithoutDetail(Store store, bool hmac)
    {
        await using var app = await StartAsync(store, hmac);
        var published = await PublishAsync(app);
        FileUrlSigner.TryRead(published.Url, out var id, out var exp, out var sig);
        using var http = app.CreateClient();

        var otherExpiry = await http.GetAsync($"/files/{id:N}?exp={exp + 3600}&sig={sig}");
        var otherId = await http.GetAsync($"/files/{Guid.NewGuid():N}?exp={exp}&sig={sig}");
        var flipped = await http.GetAsync($"/files/{id:N}?exp={exp}&sig={(sig![0] == 'A' ? 'B' : 'A')}{sig[1..]}");
        var unsigned = await http.GetAsync($"/files/{id:N}?exp={exp}");

        foreach (var response in new[] { otherExpiry, otherId, flipped, unsigned })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Theory]
    [MemberData(nameof(StoresAndKeys))]
    public async Task Get_ExpiredOrUnknown_Is410Or404(Store store, bool hmac)
    {
        await using var app = await StartAsync(store, hmac);
        var published = await PublishAsync(app);
        FileUrlSigner.TryRead(published.Url, out var id, out _, out _);
        var signer = app.Get<FileUrlSigner>();
        using var http = app.CreateClient();

        var expired = await http.GetAsync(signer.Url(id, TimeProvider.System.GetUtcNow().AddMinutes(-1)));
        var unknown = await http.GetAsync(signer.Url(Guid.NewGuid(), TimeProvider.System.GetUtcNow().AddDays(1)));

        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty(await expired.Content.ReadAsByteArrayAsync());
        Assert.Empty(await unknown.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_Csv_IsADownload()
    {
        await using var app = await PmBotApp.StartAsync(Store.Sqlite);
        var published = await app.Get<IFilePublisher>().PublishAsync(new FileContent("APOLLO plan 计划.csv", "text/csv; charset=utf-8", "a,b\n1,2\n"u8.ToArray()), CancellationToken.None);
        using var http = app.CreateClient();

        var response = await http.GetAsync(published.Url);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("APOLLO plan 计划.csv", response.Content.Headers.ContentDisposition.FileNameStar);
    }

    [Fact]
    public async Task Get_AfterRestart_DataProtectionSignedUrlStillWorks()
    {
        await using var app = await PmBotApp.StartAsync(Store.Sqlite);
        var published = await PublishAsync(app);

        await app.RestartAsync();
        using var http = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(published.Url)).StatusCode);
    }

    [Fact]
    public async Task ReadAsync_PublishedUrl_ReadsTheFileBackAndRefusesAForgedOne()
    {
        await using var app = await PmBotApp.StartAsync(Store.Sqlite);
        var published = await PublishAsync(app);
        var reader = app.Get<IPublishedFileReader>();

        var file = await reader.ReadAsync(published.Url, CancellationToken.None);
        var absolute = await reader.ReadAsync("https://pmbot.example.com" + published.Url, CancellationToken.None);
        var forged = await reader.ReadAsync(published.Url.Replace("sig=", "sig=x", StringComparison.Ordinal), CancellationToken.None);

        Assert.Equal(Png, file!.Bytes);
        Assert.Equal("image/png", file.ContentType);
        Assert.NotNull(absolute);
        Assert.Null(forged);
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Housekeeping_ExpiredFiles_AreDeletedAndFreshOnesKept(Store store)
    {
        await using var app = await PmBotApp.StartAsync(store);
        var files = app.Get<FileStore>();
        var now = TimeProvider.System.GetUtcNow();
        var old = new StoredFile { FileName = "old.png", ContentType = "image/png", Content = Png, CreatedAt = now.AddDays(-8), ExpiresAt = now.AddDays(-1) };
        await files.AddAsync(old, CancellationToken.None);
        var fresh = await PublishAsync(app);
        FileUrlSigner.TryRead(fresh.Url, out var freshId, out _, out _);

        var report = await app.Get<HousekeepingJob>().RunAsync(CancellationToken.None);

        Assert.Equal(1, report.FilesPurged);
        Assert.Null(await files.FindAsync(old.Id, CancellationToken.None));
        Assert.NotNull(await files.FindAsync(freshId, CancellationToken.None));
    }
}
