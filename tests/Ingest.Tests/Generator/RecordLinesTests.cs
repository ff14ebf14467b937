using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Core.Reference;
using Ingest.Generator;
using Ingest.Generator.Output;
using Ingest.Generator.Truth;

namespace Ingest.Tests.Generator;

/// <summary>The hand-written JSON lines must stay byte-identical to the System.Text.Json contracts the readers use.</summary>
public sealed class RecordLinesTests
{
    private static string Ours(Action<BlockBuffer> write)
    {
        var buffer = new BlockBuffer(16);
        try
        {
            write(buffer);
            return System.Text.Encoding.UTF8.GetString(buffer.Slice(0, buffer.WrittenCount));
        }
        finally
        {
            buffer.Release();
        }
    }

    private static string Serializer<T>(T record)
    {
        var stream = new MemoryStream();
        ReferenceJsonl.Write(stream, record);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Serializer(TruthRecord record)
    {
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true }))
        {
            TruthJsonl.Write(writer, record);
        }
        stream.WriteByte((byte)'\n');
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Any UTF-16 string, lone surrogates included, with a bias to the characters escaping cares about.</summary>
    private static Gen<string> Text() =>
        Gen.OneOf(
            Gen.Elements('a', 'Z', '0', ' ', '"', '\\', '/', '&', '<', '>', '\'', '+', '`', '\n', '\t', '\r', '\b', '\f', '\u0001', '\u007F', 'é', 'Ł', 'Ж', 'Ω', '€', '\u2028', '\uD83D', '\uDE00', '\uFFFD'),
            Gen.Choose(0, 0xFFFF).Select(c => (char)c))
        .ArrayOf().Select(chars => new string(chars));

    private static Gen<string?> Optional() => Gen.OneOf(Gen.Constant<string?>(null), Text().Select(s => (string?)s));

    [Property(MaxTest = 300)]
    public Property Truth_lines_match_the_serializer() =>
        Prop.ForAll(
            (from texts in Text().ArrayOf(8)
             from optional in Optional().ArrayOf(5)
             from lists in Text().ArrayOf().ArrayOf(2)
             from flags in Gen.Elements(true, false).ArrayOf(4)
             from version in Gen.Choose(int.MinValue, int.MaxValue)
             select new TruthRecord
             {
                 Unit = texts[0], File = texts[1], Frame = optional[0], Day = texts[2], CaseId = texts[3], DocumentId = texts[4],
                 Version = version, SedType = texts[5], CdmVersion = texts[6], ReceivedAt = texts[7], TruePersonId = optional[1],
                 ExpectedA1 = optional[2], ExpectedDeclaration = optional[3], Rules = lists[0], NearMisses = lists[1],
                 Malformed = flags[0], MalformedKind = optional[4], DuplicateDelivery = flags[1], Superseded = flags[2], Invalidated = flags[3],
             }).ToArbitrary(),
            r => Ours(b => RecordLines.Write(b, r)) == Serializer(r));

    [Property(MaxTest = 300)]
    public Property A1_lines_match_the_serializer() =>
        Prop.ForAll(
            (from texts in Text().ArrayOf(11)
             from optional in Optional().ArrayOf(8)
             from lists in Text().ArrayOf().ArrayOf(2)
             from self in Gen.Elements(true, false)
             select new A1Certificate
             {
                 DocumentNumber = texts[0], SecurityCode = texts[1], Issuer = texts[2], IssuedOn = texts[3], FamilyName = texts[4],
                 Forename = texts[5], FamilyNameAtBirth = optional[0], DateBirth = texts[6], Sex = optional[1], Nationalities = lists[0],
                 Pin = optional[2], PinCountry = optional[3], EmployerName = optional[4], EmployerId = optional[5], EmployerCountry = optional[6],
                 SelfEmployed = self, LegislationState = texts[7], Article = texts[8], Start = texts[9], End = optional[7], Status = texts[10],
                 WorkCountries = lists[1],
             }).ToArbitrary(),
            r => Ours(b => RecordLines.Write(b, r)) == Serializer(r));

    [Property(MaxTest = 300)]
    public Property Declaration_lines_match_the_serializer() =>
        Prop.ForAll(
            (from texts in Text().ArrayOf(9)
             from optional in Optional().ArrayOf(11)
             from version in Gen.Choose(-5, 1000)
             select new PostingDeclaration
             {
                 DeclarationId = texts[0], Version = version, Status = texts[1], FiledOn = texts[2], EmployerName = texts[3],
                 EmployerId = optional[0], EmployerCountry = texts[4], ClientName = optional[1], ClientSiret = optional[2], SiteTown = optional[3],
                 SitePostalCode = optional[4], WorkerFamilyName = texts[5], WorkerForename = texts[6], WorkerDateBirth = texts[7],
                 WorkerNationality = optional[5], WorkerPin = optional[6], WorkerPinCountry = optional[7], HireDate = optional[8],
                 Start = texts[8], End = optional[9] ?? "", A1Number = optional[10],
             }).ToArbitrary(),
            r => Ours(b => RecordLines.Write(b, r)) == Serializer(r));

    [Fact]
    public void Every_printable_and_control_character_is_escaped_like_the_serializer()
    {
        var all = new string(Enumerable.Range(0, 0x300).Select(c => (char)c).ToArray());
        var record = new TruthRecord { Unit = all, File = "", Day = "", CaseId = "", DocumentId = "", Version = 1, SedType = "", CdmVersion = "", ReceivedAt = "" };
        Assert.Equal(Serializer(record), Ours(b => RecordLines.Write(b, record)));
    }

    /// <summary>A property added to one of the records must be added to RecordLines too: the random records above would not set it.</summary>
    [Theory]
    [InlineData(typeof(TruthRecord), 20)]
    [InlineData(typeof(A1Certificate), 22)]
    [InlineData(typeof(PostingDeclaration), 21)]
    public void Records_have_the_members_RecordLines_writes(Type type, int members) =>
        Assert.Equal(members, type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Length);

    [Fact]
    public void Generated_corpus_lines_match_the_serializer()
    {
        var generator = new CorpusGenerator(new GeneratorOptions { Seds = 400, Seed = 3, Noise = NoiseLevel.Hard });
        foreach (var d in generator.GenerateDossiers())
        {
            foreach (var s in d.Seds)
            {
                Assert.Equal(Serializer(s.Truth), Ours(b => RecordLines.Write(b, s.Truth)));
            }
            foreach (var a in d.A1s)
            {
                Assert.Equal(Serializer(a), Ours(b => RecordLines.Write(b, a)));
            }
            foreach (var x in d.Declarations)
            {
                Assert.Equal(Serializer(x), Ours(b => RecordLines.Write(b, x)));
            }
        }
    }
}
