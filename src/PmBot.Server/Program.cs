using System.Diagnostics;
using Hangfire;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PmBot.Server;
using PmBot.Server.Files;
using PmBot.Server.Jobs;
using PmBot.Server.Slack;
using PmBot.Server.Teams;
using PmBot.Server.WebChat;
using PmBot.Storage;

var started = Stopwatch.StartNew();
var migrateOnly = args.Length > 0 && args[0] == "migrate";
var builder = WebApplication.CreateBuilder(args.Where(a => a is not "migrate" and not "--demo").ToArray());
if (args.Contains("--demo"))
    builder.Configuration["PmBot:Demo"] = "true";
builder.Services.AddPmBot(builder.Configuration, builder.Environment.ContentRootPath);
if (migrateOnly)
{
    // `dotnet run --project src/PmBot.Server -- migrate`: apply migrations and exit, serving nothing.
    builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = false);
    using var migrateHost = builder.Build();
    await migrateHost.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
    return;
}

var app = builder.Build();
var storage = app.Services.GetRequiredService<StorageOptions>();
if (storage.MigrateOnStartup)
    await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
await app.Services.GetRequiredService<LocalUsers>().SeedAsync(app.Services.GetRequiredService<PmBotOptions>().Demo, CancellationToken.None);

app.UseDefaultFiles();
app.UseStaticFiles();
app.UseHangfireDashboard("/hangfire", new DashboardOptions
{
    Authorization = [new DashboardAccessFilter(app.Services.GetRequiredService<PmBotOptions>().Hangfire.DashboardToken)],
    DashboardTitle = "PmBot jobs",
});
app.MapWebChat();
app.MapFiles();
if (app.Services.GetRequiredService<SlackAppOptions>().Enabled)
    app.MapSlack();
if (app.Services.GetRequiredService<TeamsAppOptions>().Enabled)
    app.MapTeams();
app.MapGet("/healthz", async (Maintenance maintenance, CancellationToken cancellationToken) =>
    Results.Ok(new { status = "ok", storage = storage.Provider.ToString(), deadOutbox = await maintenance.CountDeadOutboxAsync(cancellationToken) }));

app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    foreach (var address in addresses)
        Console.WriteLine($"PmBot is ready on {storage.Provider}: open {address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)} (started in {started.ElapsedMilliseconds} ms)");
});
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
