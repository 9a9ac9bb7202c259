using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Azure.Data.Tables;
using Reporting.Core;

namespace Reporting.Infrastructure.Storage;

/// <summary>
/// Flattens a ledger record into table properties and back. Strings, booleans, 32- and 64-bit
/// integers, doubles, DateTimeOffsets and Guids are stored as the table's own types, enums as
/// their JSON name, so the rows read well in Storage Explorer and can be filtered; decimals and everything else
/// (enums, lists, nested records) are stored as JSON text, so decimals stay exact. The record
/// is rebuilt through System.Text.Json with <see cref="ReportingJson.Options"/>, exactly as the
/// folder ledger does, so both stores round-trip the same values.
/// </summary>
internal static class LedgerEntityMapper
{
    // Azure Table strings hold at most 64 KiB (32 Ki UTF-16 units): longer text (a long findings list) is split over
    // Name, Name__1, Name__2 … and joined again on read.
    internal const int MaxChunkLength = 30_000;
    private const string ChunkSeparator = "__";

    // ReportingJson's conventions (names, converters, enums), compact, with a resolver so type metadata can be asked for.
    private static readonly JsonSerializerOptions s_compact = new(ReportingJson.Options)
    {
        WriteIndented = false,
        TypeInfoResolver = ReportingJson.Options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver(),
    };
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<Column>> s_columns = new();
    private static readonly DateTime s_minTableDate = new(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly HashSet<string> s_reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "PartitionKey", "RowKey", "Timestamp", "ETag", "odata.etag",
    };

    public static TableEntity ToEntity<T>(string partitionKey, string rowKey, T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        var entity = new TableEntity(partitionKey, rowKey);
        foreach (Column column in ColumnsOf(typeof(T)))
        {
            object? member = column.Property.Get!(value);
            if (member is null)
            {
                continue;
            }

            switch (column.Storage)
            {
                case ColumnStorage.Native when member is DateTimeOffset date && date.UtcDateTime < s_minTableDate:
                    // Azure Tables keep dates from 1601 on (an unset DateTimeOffset is year 1): keep such a date as ISO text.
                    entity[column.Name] = date.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case ColumnStorage.Native:
                    entity[column.Name] = member;
                    break;
                case ColumnStorage.String:
                    AddChunked(entity, column.Name, (string)member);
                    break;
                case ColumnStorage.Enum:
                    // The enum's own JSON form: its name with a string converter (readable, filterable), else its number.
                    JsonNode? node = JsonSerializer.SerializeToNode(member, column.Property.PropertyType, s_compact);
                    entity[column.Name] = node is JsonValue v && v.TryGetValue(out string? name) ? name : (object)node!.GetValue<long>();
                    break;
                default:
                    AddChunked(entity, column.Name, JsonSerializer.Serialize(member, column.Property.PropertyType, s_compact));
                    break;
            }
        }

        return entity;
    }

    public static T FromEntity<T>(TableEntity entity)
        where T : class
    {
        var json = new JsonObject();
        foreach (Column column in ColumnsOf(typeof(T)))
        {
            if (!entity.TryGetValue(column.Name, out object? stored) || stored is null)
            {
                continue;
            }

            json[column.Property.Name] = column.Storage switch
            {
                ColumnStorage.Native => NativeToJson(stored),
                ColumnStorage.String => JsonValue.Create(JoinChunks(entity, column.Name, (string)stored)),
                ColumnStorage.Enum => NativeToJson(stored),
                _ => JsonNode.Parse(JoinChunks(entity, column.Name, (string)stored)),
            };
        }

        return json.Deserialize<T>(s_compact)
            ?? throw new InvalidDataException($"Ledger row {entity.PartitionKey}/{entity.RowKey} holds no value.");
    }

    private static JsonValue NativeToJson(object stored) => stored switch
    {
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        DateTimeOffset t => JsonValue.Create(t),
        DateTime t => JsonValue.Create(new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc))),
        Guid g => JsonValue.Create(g),
        string s => JsonValue.Create(s),
        _ => throw new InvalidDataException($"Unexpected table value of type {stored.GetType().Name}."),
    };

    private static void AddChunked(TableEntity entity, string name, string text)
    {
        if (text.Length <= MaxChunkLength)
        {
            entity[name] = text;
            return;
        }

        int index = 0;
        for (int start = 0; start < text.Length; index++)
        {
            int length = Math.Min(MaxChunkLength, text.Length - start);

            // Never split a surrogate pair between two properties.
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]))
            {
                length--;
            }

            entity[index == 0 ? name : name + ChunkSeparator + index.ToString(System.Globalization.CultureInfo.InvariantCulture)] = text.Substring(start, length);
            start += length;
        }
    }

    private static string JoinChunks(TableEntity entity, string name, string first)
    {
        if (!entity.ContainsKey(name + ChunkSeparator + "1"))
        {
            return first;
        }

        var builder = new StringBuilder(first);
        for (int index = 1; entity.TryGetValue(name + ChunkSeparator + index.ToString(System.Globalization.CultureInfo.InvariantCulture), out object? part) && part is string text; index++)
        {
            builder.Append(text);
        }

        return builder.ToString();
    }

    private static IReadOnlyList<Column> ColumnsOf(Type type) => s_columns.GetOrAdd(type, static t =>
    {
        JsonTypeInfo info = s_compact.GetTypeInfo(t);
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            throw new NotSupportedException($"Ledger values must be records with properties; {t.Name} is not.");
        }

        var columns = new List<Column>(info.Properties.Count);
        foreach (JsonPropertyInfo property in info.Properties)
        {
            if (property.Get is null)
            {
                continue;
            }

            // Table columns carry the C# name (PascalCase, as Storage Explorer users expect); reserved names get a suffix.
            string name = (property.AttributeProvider as MemberInfo)?.Name ?? property.Name;
            if (s_reserved.Contains(name))
            {
                name += "_";
            }

            columns.Add(new Column(name, property, StorageOf(property.PropertyType)));
        }

        return columns;
    });

    private static ColumnStorage StorageOf(Type type)
    {
        Type underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return ColumnStorage.String;
        }

        if (underlying.IsEnum)
        {
            return ColumnStorage.Enum;
        }

        return underlying == typeof(bool)
            || underlying == typeof(int)
            || underlying == typeof(long)
            || underlying == typeof(double)
            || underlying == typeof(DateTimeOffset)
            || underlying == typeof(Guid)
            ? ColumnStorage.Native
            : ColumnStorage.Json;
    }

    private enum ColumnStorage
    {
        Native,
        String,
        Enum,
        Json,
    }

    private sealed record Column(string Name, JsonPropertyInfo Property, ColumnStorage Storage);
}
