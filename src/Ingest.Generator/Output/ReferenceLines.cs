using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ingest.Core.Reference;

namespace Ingest.Generator.Output;

/// <summary>
/// JSON lines of reference records, byte-identical to <see cref="ReferenceJsonl.Write{T}"/> (same
/// source-generated contract: camelCase, nulls omitted) but with the type info resolved once and one
/// reused writer: ReferenceJsonl resolves the type info and creates a writer per record.
/// </summary>
internal sealed class ReferenceLines
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public ReferenceLines() => _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });

    public byte[] A1s(IEnumerable<A1Certificate> records) => Lines(records, GeneratorReferenceJsonContext.Default.A1Certificate);

    public byte[] Declarations(IEnumerable<PostingDeclaration> records) => Lines(records, GeneratorReferenceJsonContext.Default.PostingDeclaration);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private byte[] Lines<T>(IEnumerable<T> records, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
    {
        _buffer.ResetWrittenCount();
        foreach (var r in records)
        {
            _writer.Reset(_buffer);
            JsonSerializer.Serialize(_writer, r, info);
            _writer.Flush();
            _buffer.GetSpan(1)[0] = (byte)'\n';
            _buffer.Advance(1);
        }
        return _buffer.WrittenSpan.ToArray();
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(A1Certificate))]
[JsonSerializable(typeof(PostingDeclaration))]
internal sealed partial class GeneratorReferenceJsonContext : JsonSerializerContext;
