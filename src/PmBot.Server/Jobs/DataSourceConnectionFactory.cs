using Hangfire.PostgreSql;
using Npgsql;

namespace PmBot.Server.Jobs;

/// <summary>Gives Hangfire.PostgreSql connections from the app's own pooled data source.</summary>
public sealed class DataSourceConnectionFactory(NpgsqlDataSource dataSource) : IConnectionFactory
{
    public NpgsqlConnection GetOrCreateConnection() => dataSource.CreateConnection();
}
