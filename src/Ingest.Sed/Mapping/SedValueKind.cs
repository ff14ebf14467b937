namespace Ingest.Sed.Mapping;

/// <summary>How often a field's values repeat across SEDs, which decides whether its strings are interned.</summary>
internal enum SedValueKind : byte
{
    /// <summary>Mostly distinct (PINs, identifiers, streets, timestamps): a new string each time.</summary>
    Distinct = 0,

    /// <summary>A code from a small closed list (countries, sex, sector, flags, article and type codes).</summary>
    Code = 1,

    /// <summary>Free text that recurs (institutions, towns, postal codes, common names, period dates).</summary>
    Recurring = 2,
}
