namespace Ingest.Sed.Mapping;

/// <summary>CDM versions with a field map; the namespace segment is "4_2", "4_3" or "4_4".</summary>
internal enum CdmVersion : byte
{
    V42 = 0,
    V43 = 1,
    V44 = 2,
}
