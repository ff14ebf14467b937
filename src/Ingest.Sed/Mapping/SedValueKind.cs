namespace Ingest.Sed.Mapping;

/// <summary>How often a field's values repeat across SEDs, which decides whether its strings are interned.</summary>
internal enum SedValueKind : byte
{
    /// <summary>
    /// Varied (names, PINs, identifiers, addresses, dates, timestamps): copied as UTF-8 into the record's value
    /// bytes, a string only when read (a small interning table would mostly miss on them).
    /// </summary>
    Distinct = 0,

    /// <summary>A code from a small closed list (countries, sex, sector, flags, article and type codes).</summary>
    Code = 1,

    /// <summary>Free text from a few hundred values (institution identifiers and names): interned.</summary>
    Recurring = 2,
}
