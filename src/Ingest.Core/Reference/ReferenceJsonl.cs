using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ingest.Core.Reference;

/// <summary>
/// Reference data files: JSON Lines, one record a line, camelCase names of <see cref="A1Certificate"/>
/// and <see cref="PostingDeclaration"/>, null members omitted. Streamed both ways so a million
/// records never sit in memory as text.
/// </summary>
public static class ReferenceJsonl
{
    public const string A1FileName = "a1.jsonl";
    public const string DeclarationsFileName = "declarations.jsonl";

    public static async Task WriteAsync<T>(Stream stream, IAsyncEnumerable<T> records, CancellationToken cancellationToken = default)
    {
        var info = ReferenceJsonContext.Default.GetTypeInfo(typeof(T)) ?? throw new NotSupportedException(typeof(T).Name);
        await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true });
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            JsonSerializer.Serialize(writer, record, info);
            writer.Flush();
            writer.Reset();
            stream.WriteByte((byte)'\n');
        }
    }

    public static void Write<T>(Stream stream, T record)
    {
        var info = ReferenceJsonContext.Default.GetTypeInfo(typeof(T)) ?? throw new NotSupportedException(typeof(T).Name);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true });
        JsonSerializer.Serialize(writer, record, info);
        writer.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>One record from one JSON value (a Kafka record of the reference topics); throws <see cref="JsonException"/> on bad input.</summary>
    public static A1Certificate ParseA1(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, ReferenceJsonContext.Default.A1Certificate) ?? throw new JsonException("null A1 certificate");

    public static PostingDeclaration ParseDeclaration(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, ReferenceJsonContext.Default.PostingDeclaration) ?? throw new JsonException("null posting declaration");

    public static IEnumerable<A1Certificate> ReadA1(string path) => Read(path, ReferenceJsonContext.Default.A1Certificate);

    public static IEnumerable<PostingDeclaration> ReadDeclarations(string path) => Read(path, ReferenceJsonContext.Default.PostingDeclaration);

    private static IEnumerable<T> Read<T>(string path, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            T? record;
            try
            {
                record = JsonSerializer.Deserialize(line, info);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: {e.Message}", e);
            }
            yield return record ?? throw new InvalidDataException($"{path}:{lineNumber}: null record");
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(A1Certificate))]
[JsonSerializable(typeof(PostingDeclaration))]
internal sealed partial class ReferenceJsonContext : JsonSerializerContext;
