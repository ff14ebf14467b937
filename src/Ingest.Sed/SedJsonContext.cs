using System.Text.Json.Serialization;
using Ingest.Core.Seds;

namespace Ingest.Sed;

/// <summary>Source-generated JSON for parsed SEDs (`ingest parse --json`): every extracted field, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SedRecord))]
public sealed partial class SedJsonContext : JsonSerializerContext;
