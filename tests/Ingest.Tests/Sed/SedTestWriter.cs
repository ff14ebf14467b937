using System.Security;
using System.Text;
using Ingest.Core.Seds;

namespace Ingest.Tests.Sed;

/// <summary>
/// Test-side renderer SedRecord → XML, written from docs/FORMATS.md and the XSD outlines (independently
/// of the parser's field maps), in the shape of each CDM version, optionally in an SBDH envelope.
/// </summary>
internal static class SedTestWriter
{
    public static string Write(SedRecord r, bool envelope)
    {
        var v = r.CdmVersion;
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if (envelope)
        {
            var e = r.Envelope;
            sb.Append("<s:StandardBusinessDocument xmlns:s=\"http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader\"><s:StandardBusinessDocumentHeader>");
            sb.Append("<s:HeaderVersion>1.0</s:HeaderVersion>");
            sb.Append("<s:Sender><s:Identifier Authority=\"EESSI\">").Append(X(e.SenderInstitution)).Append("</s:Identifier></s:Sender>");
            sb.Append("<s:Receiver><s:Identifier>").Append(X(e.ReceiverInstitution)).Append("</s:Identifier></s:Receiver>");
            sb.Append("<s:DocumentIdentification><s:Standard>urn:x</s:Standard><s:InstanceIdentifier>").Append(X(e.DocumentId)).Append("</s:InstanceIdentifier>");
            if (e.CreatedAt is not null)
            {
                sb.Append("<s:CreationDateAndTime>").Append(X(e.CreatedAt)).Append("</s:CreationDateAndTime>");
            }
            sb.Append("</s:DocumentIdentification><s:BusinessScope>");
            sb.Append("<s:Scope><s:Identifier>").Append(X(e.BucType)).Append("</s:Identifier><s:Type>CASE</s:Type><s:InstanceIdentifier>").Append(X(e.CaseId)).Append("</s:InstanceIdentifier></s:Scope>");
            sb.Append("<s:Scope><s:Type>DOCUMENT_VERSION</s:Type><s:InstanceIdentifier>").Append(e.DocumentVersion).Append("</s:InstanceIdentifier></s:Scope>");
            sb.Append("<s:Scope><s:Type>RECEIVED</s:Type><s:InstanceIdentifier>").Append(X(e.ReceivedAt)).Append("</s:InstanceIdentifier></s:Scope>");
            sb.Append("</s:BusinessScope></s:StandardBusinessDocumentHeader>\n");
        }
        sb.Append("<sed:").Append(r.SedType).Append(" xmlns:sed=\"http://ec.europa.eu/eessi/ns/").Append(v.Replace('.', '_')).Append('/').Append(r.SedType).Append('"');
        Attr(sb, "sedGVer", r.SedGVer);
        Attr(sb, "sedVer", r.SedVer);
        sb.Append(">\n");
        Person(sb, r.Person, v);
        switch (r.SedType)
        {
            case "A001":
                Addresses(sb, r);
                Employers(sb, r, EmployerRole.Employer, "IdentificationEmployer", "Employer");
                Employers(sb, r, EmployerRole.SelfEmployment, "IdentificationSelfEmployment", "SelfEmployment");
                PlaceWork(sb, r);
                foreach (var host in r.Employers.Where(e => e.Role == EmployerRole.HostCountry))
                {
                    Organisation(sb, "EmployerInHostCountryIfRelevant", host);
                }
                sb.Append("<RequestedPeriod>");
                El(sb, "startDate", r.Decision.PeriodStart);
                El(sb, "endDate", r.Decision.PeriodEnd);
                sb.Append("</RequestedPeriod>");
                var x = r.Exception!;
                sb.Append("<RequestedForSituationsCoveredByArti8832004>");
                Val(sb, "regulationArticlesSituationAgreementExceptionProposed", r.Article);
                sb.Append("<other>free text ignored</other>");
                if (x.TeleworkFrameworkAgreement is not null)
                {
                    sb.Append("<FillInIfArticle10>");
                    Val(sb, "teleworkFrameworkAgreement", x.TeleworkFrameworkAgreement);
                    sb.Append("</FillInIfArticle10>");
                }
                sb.Append("</RequestedForSituationsCoveredByArti8832004><ApplicableLegislation>");
                Values(sb, "applicableLegislationCurrentSituation", x.CurrentLegislation);
                Values(sb, "applicableLegislationRequestedSituation", x.RequestedLegislation);
                sb.Append("</ApplicableLegislation>");
                if (x.AmendmentIndicator is not null)
                {
                    sb.Append("<MoreInformation><TypeRequest>");
                    Val(sb, "amendmentIndicator", x.AmendmentIndicator);
                    sb.Append("</TypeRequest></MoreInformation>");
                }
                break;
            case "A003":
            case "A009":
            case "A010":
                Addresses(sb, r);
                var a003 = r.SedType == "A003";
                Employers(sb, r, EmployerRole.Employer, a003 ? "EmployerInDesignatedState" : "EmployerInPostingState", "Employer");
                Employers(sb, r, EmployerRole.OtherMemberState, a003 ? "EmployerInOtherMS" : "EmployerInOtherMSConcerned", "Employer");
                Employers(sb, r, EmployerRole.SelfEmployment, "SelfEmployment", "SelfEmployment");
                PlaceWork(sb, r);
                Decision(sb, r.Decision);
                Val(sb, "articleRegulationECNo8832004", r.Article);
                break;
            case "A008":
                Addresses(sb, r);
                var c = r.Change!;
                sb.Append("<Change>");
                Val(sb, "typeChange", c.ChangeType);
                El(sb, "effectiveDate", c.EffectiveDate);
                Val(sb, "cancelWholePeriod", c.CancelWholePeriod);
                sb.Append("</Change>");
                Period(sb, r.Decision);
                PlaceWork(sb, r);
                break;
            case "X008":
                var inv = r.Invalidation!;
                sb.Append("<Invalidate>");
                Val(sb, "sedType", inv.TargetSedType);
                El(sb, "sedIssueDate", inv.TargetIssueDate);
                Val(sb, "reason", inv.Reason);
                sb.Append("</Invalidate>");
                break;
            case "A002":
            case "A004":
                sb.Append("<Reply><reason><value>01</value></reason>");
                El(sb, "text", r.AdditionalInformation);
                sb.Append("</Reply>");
                break;
            default:
                Addresses(sb, r);
                break;
        }
        if (r.AdditionalInformation is not null && r.SedType is not ("A002" or "A004"))
        {
            sb.Append("<AdditionalInformation>");
            El(sb, "additionalInformation", r.AdditionalInformation);
            sb.Append("</AdditionalInformation>");
        }
        sb.Append("<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo><familyName>not me</familyName></ds:SignedInfo></ds:Signature>");
        sb.Append("\n</sed:").Append(r.SedType).Append('>');
        if (envelope)
        {
            sb.Append("\n</s:StandardBusinessDocument>");
        }
        sb.Append('\n');
        return sb.ToString();
    }

    private static void Person(StringBuilder sb, PersonBlock p, string v)
    {
        sb.Append("<Person><PersonIdentification>");
        El(sb, "familyName", p.FamilyName);
        El(sb, "forename", p.Forename);
        El(sb, "dateBirth", p.DateBirth);
        if (v == "4.4")
        {
            Val(sb, "sex", p.Sex);
        }
        else
        {
            El(sb, "sex", p.Sex);
        }
        El(sb, "familyNameAtBirth", p.FamilyNameAtBirth);
        El(sb, "forenameAtBirth", p.ForenameAtBirth);
        if (p.Pins.Count > 0)
        {
            if (v != "4.2")
            {
                sb.Append("<PINPersonInEachInstitution>");
            }
            foreach (var pin in p.Pins)
            {
                sb.Append("<PersonalIdentificationNumber>");
                Val(sb, "country", pin.Country);
                El(sb, "personalIdentificationNumber", pin.Number);
                Val(sb, "sector", pin.Sector);
                if (pin.InstitutionId is not null || pin.InstitutionName is not null)
                {
                    sb.Append("<Institution>");
                    El(sb, "institutionID", pin.InstitutionId);
                    El(sb, "institutionName", pin.InstitutionName);
                    sb.Append("</Institution>");
                }
                sb.Append("</PersonalIdentificationNumber>");
            }
            if (v != "4.2")
            {
                sb.Append("</PINPersonInEachInstitution>");
            }
        }
        if (p.PlaceBirthTown is not null || p.PlaceBirthCountry is not null)
        {
            sb.Append("<IfPINNotProvidedForEveryInstitutionPleaseProvide><PlaceBirth>");
            El(sb, "town", p.PlaceBirthTown);
            El(sb, "region", "ignored region");
            Val(sb, "country", p.PlaceBirthCountry);
            sb.Append("</PlaceBirth><forenameFather>Ignored</forenameFather></IfPINNotProvidedForEveryInstitutionPleaseProvide>");
        }
        sb.Append("</PersonIdentification><AdditionalInformationPerson>");
        if (v == "4.2")
        {
            foreach (var n in p.Nationalities)
            {
                El(sb, "nationality", n);
            }
        }
        else if (p.Nationalities.Count > 0)
        {
            Values(sb, "nationality", p.Nationalities);
        }
        sb.Append("</AdditionalInformationPerson></Person>\n");
    }

    private static void Addresses(StringBuilder sb, SedRecord r)
    {
        sb.Append("<Addresses>");
        foreach (var a in r.Addresses)
        {
            sb.Append("<Address>");
            Val(sb, "type", a.Type);
            AddressBody(sb, a, withCountry: true);
            sb.Append("</Address>");
        }
        sb.Append("</Addresses>\n");
    }

    private static void AddressBody(StringBuilder sb, AddressEntry a, bool withCountry)
    {
        sb.Append("<Address>");
        El(sb, "street", a.Street);
        El(sb, "buildingName", a.BuildingName);
        El(sb, "town", a.Town);
        El(sb, "postalCode", a.PostalCode);
        El(sb, "region", a.Region);
        if (withCountry)
        {
            Val(sb, "country", a.Country);
        }
        sb.Append("</Address>");
    }

    private static void Employers(StringBuilder sb, SedRecord r, EmployerRole role, string outer, string inner)
    {
        var list = r.Employers.Where(e => e.Role == role).ToList();
        if (list.Count == 0)
        {
            return;
        }
        sb.Append('<').Append(outer).Append('>');
        foreach (var e in list)
        {
            Organisation(sb, inner, e);
        }
        sb.Append("</").Append(outer).Append(">\n");
    }

    private static void Organisation(StringBuilder sb, string name, EmployerEntry e)
    {
        sb.Append('<').Append(name).Append('>');
        El(sb, "name", e.Name);
        if (e.Ids.Count > 0)
        {
            sb.Append("<IdentificationNumbers>");
            foreach (var id in e.Ids)
            {
                sb.Append("<IdentificationNumber>");
                El(sb, "number", id.Number);
                Val(sb, "type", id.Type);
                sb.Append("</IdentificationNumber>");
            }
            sb.Append("</IdentificationNumbers>");
        }
        if (e.Address is not null)
        {
            AddressBody(sb, e.Address, withCountry: true);
        }
        Val(sb, "marginalActivity", e.MarginalActivity);
        sb.Append("</").Append(name).Append('>');
    }

    private static void PlaceWork(StringBuilder sb, SedRecord r)
    {
        if (r.FixedPlaceOfWork is null && r.WorkCountries.Count == 0)
        {
            return;
        }
        sb.Append("<PlaceWork>");
        Val(sb, "aFixedPlaceWorkExistsIndicator", r.FixedPlaceOfWork);
        foreach (var c in r.WorkCountries)
        {
            sb.Append("<CountriesWork>");
            Val(sb, "countryWork", c.Country);
            if (c.Places.Count > 0)
            {
                sb.Append("<PlaceWork>");
                foreach (var p in c.Places)
                {
                    sb.Append("<PlaceWork>");
                    El(sb, "companyNameVesselName", p.Name);
                    El(sb, "flagStatehomeBase", p.FlagStateHomeBase);
                    AddressBody(sb, p.Address, withCountry: false);
                    sb.Append("</PlaceWork>");
                }
                sb.Append("</PlaceWork>");
            }
            sb.Append("</CountriesWork>");
        }
        sb.Append("</PlaceWork>\n");
    }

    private static void Decision(StringBuilder sb, DecisionBlock d)
    {
        sb.Append("<DecisionLegislationApplicable>");
        if (d.InitialDecision == "0")
        {
            sb.Append("<Decision><AmendingDecision>");
            Val(sb, "InitialDecision", d.InitialDecision);
            El(sb, "datePreviousDecision", d.DatePreviousDecision);
            sb.Append("</AmendingDecision></Decision>");
        }
        else if (d.InitialDecision is not null)
        {
            sb.Append("<Decision>");
            Val(sb, "InitialDecision", d.InitialDecision);
            sb.Append("</Decision>");
        }
        Val(sb, "memberStateWhichLegislationApplies", d.LegislationState);
        Val(sb, "theDecisionAppliesForDurationActivityIndicator", d.ForDurationOfActivity);
        Period(sb, d);
        sb.Append("</DecisionLegislationApplicable>\n");
    }

    private static void Period(StringBuilder sb, DecisionBlock d)
    {
        sb.Append("<PeriodForWhichDecisionApplies>");
        if (d.OpenPeriodType is not null)
        {
            sb.Append("<OpenPeriod>");
            Val(sb, "typeOpenPeriod", d.OpenPeriodType);
            El(sb, "startDate", d.PeriodStart);
            sb.Append("</OpenPeriod>");
        }
        else
        {
            sb.Append("<FixedPeriod>");
            El(sb, "startDate", d.PeriodStart);
            El(sb, "endDate", d.PeriodEnd);
            sb.Append("</FixedPeriod>");
        }
        sb.Append("</PeriodForWhichDecisionApplies>");
    }

    private static void Attr(StringBuilder sb, string name, string? value)
    {
        if (value is not null)
        {
            sb.Append(' ').Append(name).Append("=\"").Append(X(value)).Append('"');
        }
    }

    private static void El(StringBuilder sb, string name, string? value)
    {
        if (value is not null)
        {
            sb.Append('<').Append(name).Append('>').Append(X(value)).Append("</").Append(name).Append('>');
        }
    }

    private static void Val(StringBuilder sb, string name, string? value)
    {
        if (value is not null)
        {
            sb.Append('<').Append(name).Append(">\n  <value>").Append(X(value)).Append("</value>\n</").Append(name).Append('>');
        }
    }

    private static void Values(StringBuilder sb, string name, IEnumerable<string> values)
    {
        sb.Append('<').Append(name).Append('>');
        foreach (var v in values)
        {
            sb.Append("<value>").Append(X(v)).Append("</value>");
        }
        sb.Append("</").Append(name).Append('>');
    }

    private static string X(string s) => SecurityElement.Escape(s);
}
