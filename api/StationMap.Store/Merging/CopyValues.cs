using Npgsql;
using NpgsqlTypes;

namespace StationMap.Store.Merging;

/// <summary>Binary COPY of optional values: a null is written as SQL NULL.</summary>
internal static class CopyValues
{
    public static void WriteOrNull(this NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, NpgsqlDbType.Text);
        }
    }

    public static void WriteOrNull<T>(this NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            writer.Write(v, type);
        }
        else
        {
            writer.WriteNull();
        }
    }
}
