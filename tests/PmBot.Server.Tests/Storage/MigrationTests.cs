using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PmBot.Server.Tests.Infrastructure;
using PmBot.Storage;

namespace PmBot.Server.Tests.Storage;

public sealed class MigrationTests
{
    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Migrations_AfterStartUp_CoverTheWholeModel(Store store)
    {
        await using var app = await PmBotApp.StartAsync(store);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PmBotDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run `dotnet ef migrations add` for both providers (see docs/operations.md).");
    }

    [Fact]
    public async Task Migrate_RunTwice_IsIdempotent()
    {
        await using var app = await PmBotApp.StartAsync(Store.Postgres);

        await app.Get<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        using var scope = app.Services.CreateScope();
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<PmBotDbContext>().Database.GetPendingMigrationsAsync());
    }
}
