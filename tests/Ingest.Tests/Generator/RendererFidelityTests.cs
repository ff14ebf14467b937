using System.Xml.Linq;
using Ingest.Generator.Output;

namespace Ingest.Tests.Generator;

/// <summary>The XML says exactly what the record holds, in the record's order (System.Xml as the reference reader).</summary>
public sealed class RendererFidelityTests
{
    [Fact]
    public void Rendered_documents_carry_every_record_field_in_order()
    {
        var (seds, _) = GeneratorFixture.Injected;
        var checkedCount = 0;
        foreach (var s in seds.Where(s => !s.Truth.Malformed).Take(4000))
        {
            var r = s.Record;
            var doc = XDocument.Load(new MemoryStream(s.Bytes));
            var root = doc.Root!.Elements().Last();
            Assert.Equal(r.SedType, root.Name.LocalName);
            Assert.Equal(SedXmlWriter.Namespace(r), root.Name.NamespaceName);
            Assert.Equal(r.SedVer, (string?)root.Attribute("sedVer"));
            var sbdh = XNamespace.Get("http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader");
            Assert.Equal(r.Envelope.DocumentId, doc.Descendants(sbdh + "DocumentIdentification").Elements(sbdh + "InstanceIdentifier").Single().Value);
            Assert.Equal(r.Envelope.ReceivedAt, doc.Descendants(sbdh + "Scope").Single(e => e.Element(sbdh + "Type")!.Value == "RECEIVED").Element(sbdh + "InstanceIdentifier")!.Value);
            Assert.Equal(r.Person.DateBirth, (string?)root.Descendants("dateBirth").FirstOrDefault());
            Assert.Equal(r.Person.Pins.Select(p => p.Number), root.Descendants("personalIdentificationNumber").Select(e => e.Value));
            var nationality = root.Descendants("nationality").ToList();
            Assert.Equal(r.Person.Nationalities, r.CdmVersion == "4.2" ? nationality.Select(n => n.Value) : nationality.Elements("value").Select(v => v.Value));
            var employerNames = root.Elements()
                .Where(e => e.Name.LocalName is "EmployerInPostingState" or "EmployerInOtherMSConcerned" or "SelfEmployment" or "EmployerInDesignatedState" or "EmployerInOtherMS" or "IdentificationEmployer" or "IdentificationSelfEmployment")
                .SelectMany(e => e.Elements()).Select(e => e.Element("name")!.Value);
            Assert.Equal(r.Employers.Select(e => e.Name), employerNames);
            Assert.Equal(r.WorkCountries.Select(w => w.Country), root.Descendants("countryWork").Select(e => e.Element("value")!.Value));
            Assert.Equal(r.Decision.PeriodStart, (string?)root.Descendants("startDate").FirstOrDefault());
            Assert.Equal(r.Article, (string?)root.Elements().FirstOrDefault(e => e.Name.LocalName is "articleRegulationECNo8832004" or "RequestedForSituationsCoveredByArti8832004")?.Descendants("value").First());
            Assert.Equal(r.Invalidation?.TargetIssueDate, (string?)root.Descendants("sedIssueDate").FirstOrDefault());
            Assert.Equal(r.Person.Sex, root.Descendants("sex").FirstOrDefault()?.Value);
            checkedCount++;
        }
        Assert.True(checkedCount > 3000);
    }
}
