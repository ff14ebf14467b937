using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ingest.Generator.Truth;

/// <summary>truth.jsonl: one <see cref="TruthRecord"/> per line, camelCase, nulls omitted.</summary>
public static class TruthJsonl
{
    public const string FileName = "truth.jsonl";

    public static void Write(Utf8JsonWriter writer, TruthRecord record) => JsonSerializer.Serialize(writer, record, TruthJsonContext.Default.TruthRecord);

    public static IEnumerable<TruthRecord> Read(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, false, 1 << 16);
        var n = 0;
        while (reader.ReadLine() is { } line)
        {
            n++;
            if (line.Length == 0)
            {
                continue;
            }
            TruthRecord? record;
            try
            {
                record = JsonSerializer.Deserialize(line, TruthJsonContext.Default.TruthRecord);
            }
            catch (JsonException e)
            {
                // A damaged truth file is bad input, said where, not a defect (the CLI prints it on one line).
                throw new InvalidDataException($"{path}:{n}: {e.Message}", e);
            }
            yield return record ?? throw new InvalidDataException($"{path}:{n}: null record");
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TruthRecord))]
internal sealed partial class TruthJsonContext : JsonSerializerContext;
