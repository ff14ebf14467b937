using System.Text;
using Ingest.Core.Seds;
using Ingest.Core.Units;
using Ingest.Sed;

namespace Ingest.Tests.Sed;

/// <summary>
/// A field takes the text of a mapped leaf: the mapper sets it as soon as the text is read and takes it
/// back when a child element shows the element was no leaf. Both readers (the fast one, and the general
/// one that reports text around comments and CDATA in pieces) must give the same record.
/// </summary>
public sealed class SedLeafTextTests
{
    private const string Root = "<A003 xmlns=\"http://ec.europa.eu/eessi/ns/4_4/A003\" sedGVer=\"4\" sedVer=\"4\">";

    private static string Person(string identification, string additional = "") =>
        $"{Root}<Person><PersonIdentification>{identification}</PersonIdentification><AdditionalInformationPerson>{additional}</AdditionalInformationPerson></Person></A003>";

    public static TheoryData<string, string?, string> Documents => new()
    {
        // A plain leaf.
        { Person("<familyName>Gallo</familyName>"), "Gallo", "" },
        // Text then a child element (known or not): no leaf, no value.
        { Person("<familyName>Gallo<b>x</b></familyName>"), null, "" },
        { Person("<familyName>Gallo<forename>x</forename></familyName>"), null, "" },
        { Person("<familyName>Gallo<b/>after</familyName>"), null, "" },
        // A repeated field loses only the entry whose element turned out not to be a leaf.
        { Person("", "<nationality><value>IT</value></nationality><nationality><value>FR<x/></value></nationality>"), null, "IT" },
        { Person("", "<nationality><value>IT</value></nationality><nationality><value>FR</value></nationality>"), null, "IT,FR" },
        // The later of two leaves of one field wins; one that is no leaf leaves the earlier value in place.
        { Person("<familyName>Gallo</familyName><familyName>Rossi</familyName>"), "Rossi", "" },
        { Person("<familyName>Gallo</familyName><familyName>Rossi<b/></familyName>"), "Gallo", "" },
        { Person("<familyName>Gallo</familyName><familyName>Rossi<b/></familyName><familyName>Bruno</familyName>"), "Bruno", "" },
    };

    public static TheoryData<string, string?, string> PiecedDocuments => new()
    {
        // Text around a comment, PI or CDATA section is one value (the fast reader leaves such documents to the general one).
        { Person("<familyName>Gal<!-- c -->lo</familyName>"), "Gallo", "" },
        { Person("<familyName>Gal<![CDATA[l]]>o</familyName>"), "Gallo", "" },
        { Person("<familyName>G<?pi x?>a<!--c-->llo</familyName>"), "Gallo", "" },
        { Person("", "<nationality><value>I<!--c-->T</value></nationality>"), null, "IT" },
        { Person("<familyName>Gal<!--c-->lo<b/></familyName>"), null, "" },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    [MemberData(nameof(PiecedDocuments))]
    public void A_field_takes_the_text_of_a_leaf_with_either_reader(string xml, string? familyName, string nationalities)
    {
        foreach (var fast in (bool[])[true, false])
        {
            var record = Parse(xml, fast);
            Assert.Equal(familyName, record.Person.FamilyName);
            Assert.Equal(nationalities, string.Join(",", record.Person.Nationalities));
        }
    }

    [Theory]
    [MemberData(nameof(Documents))]
    [MemberData(nameof(PiecedDocuments))]
    public void Into_a_reused_record_the_same_values(string xml, string? familyName, string nationalities)
    {
        var parser = new SedParser();
        SedRecord? reuse = null;
        for (var pass = 0; pass < 3; pass++)
        {
            using var unit = new InputUnit(new UnitId("leaf.xml", null, 0), Encoding.UTF8.GetBytes(xml));
            var outcome = parser.Parse(unit, reuse);
            Assert.Equal(ParseOutcomeKind.Sed, outcome.Kind);
            reuse = outcome.Sed!;
            Assert.Equal(familyName, reuse.Person.FamilyName);
            Assert.Equal(nationalities, string.Join(",", reuse.Person.Nationalities));
        }
    }

    private const string A001 = "<A001 xmlns=\"http://ec.europa.eu/eessi/ns/4_4/A001\" sedGVer=\"4\" sedVer=\"4\">";

    [Theory]
    // The amendment indicator has no block element: its value makes the A001 block, and a take-back
    // takes the block away again unless something else made it.
    [InlineData("<MoreInformation><TypeRequest><amendmentIndicator><value>1</value></amendmentIndicator></TypeRequest></MoreInformation>", true, "1")]
    [InlineData("<MoreInformation><TypeRequest><amendmentIndicator><value>1<x/></value></amendmentIndicator></TypeRequest></MoreInformation>", false, null)]
    [InlineData("<ApplicableLegislation><applicableLegislationCurrentSituation><value>FR</value></applicableLegislationCurrentSituation></ApplicableLegislation>"
        + "<MoreInformation><TypeRequest><amendmentIndicator><value>1<x/></value></amendmentIndicator></TypeRequest></MoreInformation>", true, null)]
    [InlineData("<MoreInformation><TypeRequest><amendmentIndicator><value>0</value></amendmentIndicator><amendmentIndicator><value>1<x/></value></amendmentIndicator></TypeRequest></MoreInformation>", true, "0")]
    public void A_take_back_leaves_no_block_it_alone_made(string body, bool hasException, string? amendment)
    {
        foreach (var fast in (bool[])[true, false])
        {
            var record = Parse($"{A001}{body}</A001>", fast);
            Assert.Equal(hasException, record.Exception is not null);
            Assert.Equal(amendment, record.Exception?.AmendmentIndicator);
        }
    }

    [Fact]
    public void A_take_back_inside_a_repeated_block_touches_only_its_entry()
    {
        const string Pin = "<PINPersonInEachInstitution><PersonalIdentificationNumber><country><value>{0}</value></country>"
            + "<personalIdentificationNumber>{1}</personalIdentificationNumber></PersonalIdentificationNumber></PINPersonInEachInstitution>";
        var xml = Person(string.Format(Pin, "IT", "GLLGNN97M29D612G") + string.Format(Pin, "FR", "1970<x/>") + string.Format(Pin, "PL", "44051401359"));
        foreach (var fast in (bool[])[true, false])
        {
            var pins = Parse(xml, fast).Person.Pins;
            Assert.Equal(["IT:GLLGNN97M29D612G", "FR:", "PL:44051401359"], pins.Select(p => $"{p.Country}:{p.Number}"));
        }
    }

    private static SedRecord Parse(string xml, bool fast)
    {
        using var unit = new InputUnit(new UnitId("leaf.xml", null, 0), Encoding.UTF8.GetBytes(xml));
        var outcome = new SedParser(new SedParserOptions { FastPath = fast }).Parse(unit);
        Assert.True(outcome.Kind == ParseOutcomeKind.Sed, $"{outcome.Kind} {outcome.Error?.ErrorCode} {outcome.Error?.Message}");
        return outcome.Sed!;
    }
}
