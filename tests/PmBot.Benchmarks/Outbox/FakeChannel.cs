using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PmBot.Benchmarks.Outbox;

/// <summary>
/// A channel on 127.0.0.1 (Kestrel) that records every message it receives by idempotency key:
/// <c>POST /m/{key}</c> delivers (the first receive time is kept, repeats are counted as duplicates) and
/// <c>GET /m/{key}</c> answers 200 when the key was delivered, 404 when not. Keys are <c>{prefix}{index}</c>
/// with index below the capacity; anything else is counted as unknown.
/// </summary>
public sealed class FakeChannel : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _prefix;
    private readonly int[] _counts;
    private readonly long[] _firstReceived;
    private int _distinct;
    private int _duplicates;
    private int _unknown;
    private int _lookupsDelivered;
    private int _lookupsMissing;

    private FakeChannel(WebApplication app, string prefix, int capacity)
    {
        _app = app;
        _prefix = prefix;
        _counts = new int[capacity];
        _firstReceived = new long[capacity];
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Distinct keys received at least once.</summary>
    public int Distinct => Volatile.Read(ref _distinct);

    /// <summary>Receives of a key that had already been received.</summary>
    public int Duplicates => Volatile.Read(ref _duplicates);

    public int Unknown => Volatile.Read(ref _unknown);

    /// <summary>Lookups (re-claimed rows) that found the key already delivered, so no re-send happened.</summary>
    public int LookupsDelivered => Volatile.Read(ref _lookupsDelivered);

    public int LookupsMissing => Volatile.Read(ref _lookupsMissing);

    /// <summary>
    /// Called after a delivery is recorded and before it is answered, with the sending dispatcher's name
    /// (the <c>X-Dispatcher</c> header): lets a benchmark kill a dispatcher in the middle of its sends.
    /// </summary>
    public Action<string>? Received { get; set; }

    /// <summary>How many times key <paramref name="index"/> was received.</summary>
    public int Count(int index) => Volatile.Read(ref _counts[index]);

    /// <summary>The <see cref="Stopwatch"/> timestamp of the first receive of key <paramref name="index"/>, or 0.</summary>
    public long FirstReceived(int index) => Volatile.Read(ref _firstReceived[index]);

    public static async Task<FakeChannel> StartAsync(string prefix, int capacity)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.AddServerHeader = false;
        });
        var app = builder.Build();
        var fake = new FakeChannel(app, prefix, capacity);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var received = Stopwatch.GetTimestamp();
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith("/m/", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var key = Uri.UnescapeDataString(path[3..]);
        var index = IndexOf(key);
        if (HttpMethods.IsGet(context.Request.Method))
        {
            var delivered = index >= 0 && Volatile.Read(ref _counts[index]) > 0;
            Interlocked.Increment(ref delivered ? ref _lookupsDelivered : ref _lookupsMissing);
            context.Response.StatusCode = delivered ? StatusCodes.Status200OK : StatusCodes.Status404NotFound;
            return;
        }
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        // The message counts as delivered once its body has arrived whole.
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        if (index < 0)
        {
            Interlocked.Increment(ref _unknown);
        }
        else if (Interlocked.Increment(ref _counts[index]) == 1)
        {
            Volatile.Write(ref _firstReceived[index], received);
            Interlocked.Increment(ref _distinct);
        }
        else
        {
            Interlocked.Increment(ref _duplicates);
        }
        Received?.Invoke(context.Request.Headers["X-Dispatcher"].ToString());
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private int IndexOf(string key) =>
        key.StartsWith(_prefix, StringComparison.Ordinal)
        && int.TryParse(key.AsSpan(_prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var i)
        && i < _counts.Length
            ? i
            : -1;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
