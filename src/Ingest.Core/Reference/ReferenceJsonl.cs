using System.Text.Json;
using System.Text.Json.Serialization;
using Ingest.Core.Reference.Reading;

namespace Ingest.Core.Reference;

/// <summary>
/// Reference data files: JSON Lines, one record a line, camelCase names of <see cref="A1Certificate"/>
/// and <see cref="PostingDeclaration"/>, null members omitted. Written as a stream; read in
/// parallel ranges straight from UTF-8 with recurring values interned, so a million records never
/// sit in memory as text and share their dates, codes and names.
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

    [ThreadStatic]
    private static ReferenceRecordReader? t_reader;

    /// <summary>One record from one JSON value (a Kafka record of the reference topics); throws <see cref="JsonException"/> on bad input.</summary>
    public static A1Certificate ParseA1(ReadOnlySpan<byte> json) => (t_reader ??= new ReferenceRecordReader()).ReadA1(json);

    public static PostingDeclaration ParseDeclaration(ReadOnlySpan<byte> json) => (t_reader ??= new ReferenceRecordReader()).ReadDeclaration(json);

    /// <summary>Every record of a file, in file order, decoded on all cores; a bad line throws <see cref="InvalidDataException"/> naming it.</summary>
    public static IReadOnlyList<A1Certificate> ReadA1(string path) => ReferenceFileLoader.Load(path, static (reader, line) => reader.ReadA1(line));

    public static IReadOnlyList<PostingDeclaration> ReadDeclarations(string path) => ReferenceFileLoader.Load(path, static (reader, line) => reader.ReadDeclaration(line));

    /// <summary>
    /// Every record of a file turned into <typeparamref name="T"/> by <paramref name="map"/> as it is
    /// decoded (on the decoding threads, so <paramref name="map"/> must be thread-safe): the source
    /// record dies young instead of living, with a million others, until the whole file is read.
    /// </summary>
    public static IReadOnlyList<T> ReadA1<T>(string path, Func<A1Certificate, T> map) => ReferenceFileLoader.Load(path, (reader, line) => map(reader.ReadA1(line)));

    public static IReadOnlyList<T> ReadDeclarations<T>(string path, Func<PostingDeclaration, T> map) => ReferenceFileLoader.Load(path, (reader, line) => map(reader.ReadDeclaration(line)));
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(A1Certificate))]
[JsonSerializable(typeof(PostingDeclaration))]
internal sealed partial class ReferenceJsonContext : JsonSerializerContext;
