using FsCheck;
using FsCheck.Fluent;
using Ingest.Core.Reference;

namespace Ingest.Tests.Reference;

/// <summary>Reference records with the awkward values real files carry: diacritics, scripts, quotes, escapes, nulls.</summary>
internal static class ReferenceGenerators
{
    private static readonly Gen<string> s_text = Gen.OneOf(
        Gen.Elements("Müller", "Ελένη", "Иванов", "O'Brien \"Jr\"", "tab\there", "line\nbreak", "€ & <x>", "\\back\\slash", "", "DE", "2025-04-10", "😀 emoji"),
        ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => s.Get));

    private static readonly Gen<string?> s_optional = Gen.OneOf(s_text.Select(s => (string?)s), Gen.Constant<string?>(null));

    private static readonly Gen<IReadOnlyList<string>> s_list = Gen.ListOf(s_text).Select(l => (IReadOnlyList<string>)l.ToArray());

    public static readonly Gen<A1Certificate> A1s =
        from strings in Gen.ArrayOf(s_text, 11)
        from optional in Gen.ArrayOf(s_optional, 9)
        from nationalities in s_list
        from workCountries in s_list
        from selfEmployed in ArbMap.Default.GeneratorFor<bool>()
        select new A1Certificate
        {
            DocumentNumber = strings[0], SecurityCode = strings[1], Issuer = strings[2], IssuedOn = strings[3], FamilyName = strings[4],
            Forename = strings[5], DateBirth = strings[6], LegislationState = strings[7], Article = strings[8], Start = strings[9], Status = strings[10],
            FamilyNameAtBirth = optional[0], Sex = optional[1], Pin = optional[2], PinCountry = optional[3], EmployerName = optional[4],
            EmployerId = optional[5], EmployerCountry = optional[6], End = optional[7],
            Nationalities = nationalities, WorkCountries = workCountries, SelfEmployed = selfEmployed,
        };

    public static readonly Gen<PostingDeclaration> Declarations =
        from strings in Gen.ArrayOf(s_text, 10)
        from optional in Gen.ArrayOf(s_optional, 11)
        from version in ArbMap.Default.GeneratorFor<int>()
        select new PostingDeclaration
        {
            DeclarationId = strings[0], Status = strings[1], FiledOn = strings[2], EmployerName = strings[3], EmployerCountry = strings[4],
            WorkerFamilyName = strings[5], WorkerForename = strings[6], WorkerDateBirth = strings[7], Start = strings[8], End = strings[9],
            Version = version, EmployerId = optional[0], ClientName = optional[1], ClientSiret = optional[2], SiteTown = optional[3],
            SitePostalCode = optional[4], WorkerNationality = optional[5], WorkerPin = optional[6], WorkerPinCountry = optional[7],
            HireDate = optional[8], A1Number = optional[9],
        };

    /// <summary>A record as one line of a reference file writes it, without the newline.</summary>
    public static byte[] JsonLine<T>(T record)
    {
        using var stream = new MemoryStream();
        ReferenceJsonl.Write(stream, record);
        return stream.ToArray().AsSpan().TrimEnd((byte)'\n').ToArray();
    }
}
