using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PmBot.Storage;

/// <summary>Used only by <c>dotnet ef migrations add</c> to build the SQLite model; no database is opened.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePmBotDbContext>
{
    public SqlitePmBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePmBotDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Used only by <c>dotnet ef migrations add</c> to build the PostgreSQL model; no database is opened.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPmBotDbContext>
{
    public PostgresPmBotDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPmBotDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
