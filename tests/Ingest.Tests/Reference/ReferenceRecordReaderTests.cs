using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Core.Reference;
using Ingest.Core.Reference.Reading;

namespace Ingest.Tests.Reference;

/// <summary>The hand-written reference decoder reads back whatever the serializer writes, and refuses what it would refuse.</summary>
public sealed class ReferenceRecordReaderTests
{
    [Property(MaxTest = 300)]
    public Property An_A1_written_by_the_serializer_reads_back_identically() =>
        Prop.ForAll(ReferenceGenerators.A1s.ToArbitrary(), a1 =>
        {
            var json = Serialized(a1);
            var reader = new ReferenceRecordReader();
            Assert.Equal(Encoding.UTF8.GetString(json), Encoding.UTF8.GetString(Serialized(reader.ReadA1(json))));
            // A second read through the (now warm) string pool gives the same record again.
            Assert.Equal(Encoding.UTF8.GetString(json), Encoding.UTF8.GetString(Serialized(reader.ReadA1(json))));
        });

    [Property(MaxTest = 300)]
    public Property A_declaration_written_by_the_serializer_reads_back_identically() =>
        Prop.ForAll(ReferenceGenerators.Declarations.ToArbitrary(), declaration =>
        {
            var json = Serialized(declaration);
            var reader = new ReferenceRecordReader();
            Assert.Equal(Encoding.UTF8.GetString(json), Encoding.UTF8.GetString(Serialized(reader.ReadDeclaration(json))));
        });

    [Fact]
    public void Members_in_any_order_escaped_names_unknown_members_and_whitespace_are_accepted()
    {
        var json = """
            { "status" : "issued", "documentNumber":"A1-\u0031", "securityCode":"S", "issuer":"FR:X", "issuedOn":"2025-01-01",
              "unknown": {"nested": [1, {"x": null}]}, "fam\u0069lyName":"M\u00FCller", "forename":"J\u00e9r\u00F4me", "dateBirth":"1980-02-03",
              "nationalities": null, "selfEmployed": true, "legislationState":"DE", "article":"12.1", "start":"2025-01-02", "end": null,
              "workCountries": ["FR", "BE"] }
            """u8;
        var a1 = new ReferenceRecordReader().ReadA1(json);
        Assert.Equal("A1-1", a1.DocumentNumber);
        Assert.Equal("Müller", a1.FamilyName);
        Assert.Equal("Jérôme", a1.Forename);
        Assert.Empty(a1.Nationalities);
        Assert.True(a1.SelfEmployed);
        Assert.Null(a1.End);
        Assert.Equal(["FR", "BE"], a1.WorkCountries);
    }

    [Theory]
    [InlineData("""{"declarationId":"D","status":"active","filedOn":"2025-01-01","employerCountry":"PL","workerFamilyName":"N","workerForename":"F","workerDateBirth":"1990-01-01","start":"2025-01-01","end":"2025-02-01"}""", "employerName")]
    [InlineData("""{"declarationId":"D","version":"2","status":"active"}""", "32-bit integer")]
    [InlineData("""{"declarationId":"D","version":1.5}""", "32-bit integer")]
    [InlineData("""{"declarationId":7}""", "expected a string")]
    [InlineData("""["declarationId"]""", "must be a JSON object")]
    [InlineData("""{"declarationId":"D" """, "")]
    [InlineData("""{"declarationId":"D"} {}""", "after a single JSON value")]
    // An escape that decodes to no text: a lone surrogate in a key and in a value.
    [InlineData("""{"declarationId":"\udc00"}""", "string at byte 17")]
    [InlineData("""{"declarationI\ud800":"D"}""", "string at byte 1")]
    public void Bad_records_throw_a_json_exception_that_says_why(string json, string because)
    {
        var e = Assert.ThrowsAny<JsonException>(() => new ReferenceRecordReader().ReadDeclaration(Encoding.UTF8.GetBytes(json)));
        Assert.Contains(because, e.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 200)]
    public Property The_string_pool_returns_the_decoded_value_whatever_it_held_before() =>
        Prop.ForAll(Gen.ListOf(Gen.Elements("", "FR", "2025-01-01", "Müller", "Ελένη", "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopr", new string('x', 200), "DE396663550"))
            .Select(l => l.ToArray()).ToArbitrary(), values =>
        {
            var pool = new Utf8StringPool();
            foreach (var value in values)
            {
                Assert.Equal(value, pool.Get(Encoding.UTF8.GetBytes(value)));
            }
        });

    private static byte[] Serialized<T>(T record) => ReferenceGenerators.JsonLine(record);
}
