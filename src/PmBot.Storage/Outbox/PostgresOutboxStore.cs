using Npgsql;
using NpgsqlTypes;
using PmBot.Core.Domain;
using PmBot.Core.Outbox;

namespace PmBot.Storage.Outbox;

/// <summary>
/// The outbox on PostgreSQL, in plain SQL for the hot path: a claim is one statement
/// (<c>FOR UPDATE SKIP LOCKED</c>, so instances never claim the same row) and a batch's outcomes are one
/// round trip in one transaction.
/// </summary>
public sealed class PostgresOutboxStore(NpgsqlDataSource dataSource) : IOutboxStore
{
    private const string Columns = "\"Id\", \"Channel\", \"WorkspaceId\", \"ConversationId\", \"IdempotencyKey\", \"Payload\", \"State\", \"Attempts\", \"CreatedAt\", \"NextAttemptAt\", \"LeaseOwner\", \"LeaseExpiresAt\", \"SentAt\", \"LastError\", \"ThreadKey\"";

    private const string ClaimSql = $"""
        UPDATE "OutboxMessages" SET "LeaseOwner" = $1, "LeaseExpiresAt" = $2, "Attempts" = "Attempts" + 1
        WHERE "Id" IN (
            SELECT "Id" FROM "OutboxMessages"
            WHERE "State" = 0 AND "NextAttemptAt" <= $3 AND ("LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" < $3)
            ORDER BY "NextAttemptAt"
            LIMIT $4
            FOR UPDATE SKIP LOCKED)
        RETURNING {Columns}
        """;

    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ClaimSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now + lease });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = max });
        var rows = new List<OutboxMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OutboxMessage
            {
                Id = reader.GetGuid(0),
                Channel = Enum.Parse<ChannelKind>(reader.GetString(1)),
                WorkspaceId = reader.GetGuid(2),
                ConversationId = reader.GetString(3),
                IdempotencyKey = reader.GetString(4),
                Payload = reader.GetString(5),
                State = (OutboxState)reader.GetInt32(6),
                Attempts = reader.GetInt32(7),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(8),
                NextAttemptAt = reader.GetFieldValue<DateTimeOffset>(9),
                LeaseOwner = reader.IsDBNull(10) ? null : reader.GetString(10),
                LeaseExpiresAt = reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11),
                SentAt = reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12),
                LastError = reader.IsDBNull(13) ? null : reader.GetString(13),
                ThreadKey = reader.IsDBNull(14) ? null : reader.GetString(14),
            });
        }
        return rows;
    }

    public async Task CompleteAsync(string owner, IReadOnlyList<OutboxCompletion> completions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (completions.Count == 0)
            return;
        await using var batch = dataSource.CreateBatch();
        var sent = completions.Where(c => c.Outcome == SendOutcome.Sent).Select(c => c.Id).ToArray();
        if (sent.Length > 0)
        {
            var cmd = new NpgsqlBatchCommand("""
                UPDATE "OutboxMessages" SET "State" = 1, "SentAt" = $1, "LeaseOwner" = NULL, "LeaseExpiresAt" = NULL, "LastError" = NULL
                WHERE "Id" = ANY($2) AND "LeaseOwner" = $3
                """);
            cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
            cmd.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = sent });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
            batch.BatchCommands.Add(cmd);
        }
        foreach (var (outcome, state) in new[] { (SendOutcome.Retry, 0), (SendOutcome.Dead, 2) })
        {
            var group = completions.Where(c => c.Outcome == outcome).ToArray();
            if (group.Length == 0)
                continue;
            var cmd = new NpgsqlBatchCommand($"""
                UPDATE "OutboxMessages" o SET "State" = {state}, "NextAttemptAt" = COALESCE(v.next, o."NextAttemptAt"), "LastError" = left(v.error, 2000),
                    "LeaseOwner" = NULL, "LeaseExpiresAt" = NULL
                FROM unnest($1::uuid[], $2::timestamptz[], $3::text[]) AS v(id, next, error)
                WHERE o."Id" = v.id AND o."LeaseOwner" = $4
                """);
            cmd.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = group.Select(c => c.Id).ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter { Value = group.Select(c => (object?)c.NextAttemptAt ?? DBNull.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            cmd.Parameters.Add(new NpgsqlParameter { Value = group.Select(c => (object?)c.Error ?? DBNull.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
            batch.BatchCommands.Add(cmd);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ReleaseAsync(string owner, IReadOnlyList<(Guid Id, DateTimeOffset NotBefore)> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
            return;
        await using var command = dataSource.CreateCommand("""
            UPDATE "OutboxMessages" o SET "NextAttemptAt" = v.next, "Attempts" = o."Attempts" - 1, "LeaseOwner" = NULL, "LeaseExpiresAt" = NULL
            FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, next)
            WHERE o."Id" = v.id AND o."LeaseOwner" = $3
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = rows.Select(r => r.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = rows.Select(r => r.NotBefore).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT min(GREATEST("NextAttemptAt", COALESCE("LeaseExpiresAt", "NextAttemptAt"))) FROM "OutboxMessages" WHERE "State" = 0
            """);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DateTime dt ? new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)) : value as DateTimeOffset?;
    }
}
