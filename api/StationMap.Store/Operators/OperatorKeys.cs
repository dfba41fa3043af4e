using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace StationMap.Store.Operators;

/// <summary>Creates and checks operator API keys; the store keeps only their SHA-256 hashes.</summary>
public sealed class OperatorKeys(StationDataSources dataSources)
{
    private const string KeyPrefix = "smk_";

    public static readonly IReadOnlyList<string> Roles = ["operator", "planner"];

    /// <summary>Makes a new key for <paramref name="name"/> and returns it; this is the only time it is visible.</summary>
    public async Task<string> CreateAsync(string name, string role, CancellationToken cancellationToken)
    {
        if (!Roles.Contains(role))
        {
            throw new ArgumentException($"role must be one of {string.Join(", ", Roles)}", nameof(role));
        }
        var key = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        await using var command = dataSources.Write.CreateCommand(
            "INSERT INTO operator_key (name, role, key_hash, key_prefix) VALUES (@name, @role, @hash, @prefix)");
        command.Parameters.Add(new NpgsqlParameter<string>("name", name));
        command.Parameters.Add(new NpgsqlParameter<string>("role", role));
        command.Parameters.Add(new NpgsqlParameter<byte[]>("hash", Hash(key)));
        command.Parameters.Add(new NpgsqlParameter<string>("prefix", key[..10]));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return key;
    }

    /// <summary>Who holds <paramref name="key"/>, or null when it is unknown or revoked.</summary>
    public async Task<OperatorIdentity?> FindAsync(string key, CancellationToken cancellationToken)
    {
        if (!IsWellFormed(key))
        {
            return null;
        }
        await using var command = dataSources.Read.CreateCommand(
            "SELECT name, role FROM operator_key WHERE key_hash = @hash AND revoked_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter<byte[]>("hash", Hash(key)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new OperatorIdentity(reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <summary>Whether <paramref name="key"/> could be one of ours; anything else is unknown without asking the database.</summary>
    public static bool IsWellFormed(string key) => key.StartsWith(KeyPrefix, StringComparison.Ordinal) && key.Length <= 200;

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The holder of an API key and the role it grants.</summary>
public sealed record OperatorIdentity(string Name, string Role);
