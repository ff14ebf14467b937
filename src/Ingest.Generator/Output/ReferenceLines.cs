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
    private Utf8JsonWriter? _writer;

    public Range A1s(IEnumerable<A1Certificate> records, BlockBuffer output) => Lines(records, GeneratorReferenceJsonContext.Default.A1Certificate, output);

    public Range Declarations(IEnumerable<PostingDeclaration> records, BlockBuffer output) => Lines(records, GeneratorReferenceJsonContext.Default.PostingDeclaration, output);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Range Lines<T>(IEnumerable<T> records, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info, BlockBuffer output)
    {
        var start = output.WrittenCount;
        var writer = _writer ??= new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        foreach (var r in records)
        {
            writer.Reset(output);
            JsonSerializer.Serialize(writer, r, info);
            writer.Flush();
            output.GetSpan(1)[0] = (byte)'\n';
            output.Advance(1);
        }
        return new Range(start, output.WrittenCount);
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(A1Certificate))]
[JsonSerializable(typeof(PostingDeclaration))]
internal sealed partial class GeneratorReferenceJsonContext : JsonSerializerContext;
