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
}
