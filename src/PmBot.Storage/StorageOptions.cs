namespace PmBot.Storage;

/// <summary>Configuration section <c>PmBot:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "PmBot:Storage";

    /// <summary><c>Sqlite</c> (embedded default) or <c>Postgres</c>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Folder of the SQLite file (relative paths are under the content root).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Npgsql connection string when <see cref="Provider"/> is Postgres.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the server starts (on by default).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// EF Core's check that a unit of work is never used by two operations at once (off by default; the tests turn it
    /// on). PmBot awaits every query in turn, and the check costs an execution-context copy per row read: 4 MB and a
    /// tenth of the time of a digest of 10,000 tasks.
    /// </summary>
    public bool ThreadSafetyChecks { get; set; }
}
