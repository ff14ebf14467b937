using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Ingest.Core.Seds;

namespace Ingest.Generator.Output;

/// <summary>
/// Renders a <see cref="SedRecord"/> as the (optionally SBDH-enveloped) XML of docs/FORMATS.md §1–2.
/// Every set field is written, so parsing the bytes gives back the same record.
/// </summary>
public static class SedXmlWriter
{
    [ThreadStatic]
    private static ByteScratch? t_scratch;

    public static void Write(SedRecord sed, IBufferWriter<byte> output, bool envelope = true)
    {
        var bytes = Render(sed, envelope);
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }

    public static byte[] ToBytes(SedRecord sed, bool envelope = true) => Render(sed, envelope).ToArray();

    /// <summary>The XML in this thread's scratch buffer, valid until the thread's next render.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static ReadOnlySpan<byte> Render(SedRecord sed, bool envelope = true)
    {
        var scratch = t_scratch ??= new ByteScratch();
        scratch.Length = 0;
        var w = new Utf8XmlWriter(scratch);
        w.Raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"u8);
        if (envelope)
        {
            WriteEnvelopeStart(w, sed);
        }
        WriteSed(w, sed);
        if (envelope)
        {
            w.Raw("</sbdh:StandardBusinessDocument>"u8);
        }
        w.Raw("\n"u8);
        return scratch.Written;
    }

    private static readonly ConcurrentDictionary<(string Cdm, string Type), string> s_namespaces = new();

    /// <summary>The SED's namespace, cached: a handful of (version, type) pairs exist.</summary>
    public static string Namespace(SedRecord sed) =>
        s_namespaces.GetOrAdd((sed.CdmVersion, sed.SedType), static k => "http://ec.europa.eu/eessi/ns/" + k.Cdm.Replace('.', '_') + "/" + k.Type);

    /// <summary>What <see cref="Namespace"/> returns, written without building or looking up the string.</summary>
    private static void WriteNamespace(Utf8XmlWriter w, SedRecord sed)
    {
        w.Raw("http://ec.europa.eu/eessi/ns/"u8);
        var cdm = sed.CdmVersion.AsSpan();
        for (var dot = cdm.IndexOf('.'); dot >= 0; dot = cdm.IndexOf('.'))
        {
            w.Text(cdm[..dot]);
            w.Raw("_"u8);
            cdm = cdm[(dot + 1)..];
        }
        w.Text(cdm);
        w.Raw("/"u8);
        w.Text(sed.SedType);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteEnvelopeStart(Utf8XmlWriter w, SedRecord sed)
    {
        var e = sed.Envelope;
        w.Raw("<sbdh:StandardBusinessDocument xmlns:sbdh=\"http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader\"><sbdh:StandardBusinessDocumentHeader><sbdh:HeaderVersion>1.0</sbdh:HeaderVersion><sbdh:Sender><sbdh:Identifier Authority=\"EESSI\">"u8);
        w.Text(e.SenderInstitution);
        w.Raw("</sbdh:Identifier></sbdh:Sender><sbdh:Receiver><sbdh:Identifier Authority=\"EESSI\">"u8);
        w.Text(e.ReceiverInstitution);
        w.Raw("</sbdh:Identifier></sbdh:Receiver><sbdh:DocumentIdentification>"u8);
        w.Open("sbdh:Standard"u8);
        WriteNamespace(w, sed);
        w.Close("sbdh:Standard"u8);
        w.Leaf("sbdh:TypeVersion"u8, sed.CdmVersion);
        w.Leaf("sbdh:InstanceIdentifier"u8, e.DocumentId);
        w.Leaf("sbdh:Type"u8, sed.SedType);
        w.Leaf("sbdh:CreationDateAndTime"u8, e.CreatedAt);
        w.Raw("</sbdh:DocumentIdentification><sbdh:BusinessScope><sbdh:Scope><sbdh:Type>CASE</sbdh:Type>"u8);
        w.Leaf("sbdh:InstanceIdentifier"u8, e.CaseId);
        w.Leaf("sbdh:Identifier"u8, e.BucType);
        w.Raw("</sbdh:Scope><sbdh:Scope><sbdh:Type>DOCUMENT_VERSION</sbdh:Type>"u8);
        w.Open("sbdh:InstanceIdentifier"u8);
        w.Integer(e.DocumentVersion);
        w.Close("sbdh:InstanceIdentifier"u8);
        w.Raw("</sbdh:Scope><sbdh:Scope><sbdh:Type>RECEIVED</sbdh:Type>"u8);
        w.Leaf("sbdh:InstanceIdentifier"u8, e.ReceivedAt);
        w.Raw("</sbdh:Scope></sbdh:BusinessScope></sbdh:StandardBusinessDocumentHeader>"u8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteSed(Utf8XmlWriter w, SedRecord sed)
    {
        w.Raw("<sed:"u8);
        w.Text(sed.SedType);
        w.Raw(" xmlns:sed=\""u8);
        WriteNamespace(w, sed);
        w.Raw("\""u8);
        if (sed.SedGVer is { } g)
        {
            w.Attribute("sedGVer"u8, g);
        }
        if (sed.SedVer is { } v)
        {
            w.Attribute("sedVer"u8, v);
        }
        w.Raw(">"u8);
        var type = sed.SedType;
        WritePerson(w, sed);
        switch (type)
        {
            case "A009" or "A010" or "A003":
                WriteDecisionSed(w, sed);
                break;
            case "A001":
                WriteA001(w, sed);
                break;
            case "A008":
                WriteChange(w, sed);
                break;
        }
        if (sed.Invalidation is { } inv)
        {
            w.Open("Invalidate"u8);
            w.Coded("sedType"u8, inv.TargetSedType);
            w.Leaf("sedIssueDate"u8, inv.TargetIssueDate);
            w.Coded("reason"u8, inv.Reason);
            w.Close("Invalidate"u8);
        }
        if (sed.AdditionalInformation is { } info)
        {
            w.Open("AdditionalInformation"u8);
            w.Leaf("additionalInformation"u8, info);
            w.Close("AdditionalInformation"u8);
        }
        w.Raw("</sed:"u8);
        w.Text(type);
        w.Raw(">"u8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WritePerson(Utf8XmlWriter w, SedRecord sed)
    {
        var p = sed.Person;
        if (p.FamilyName is null && p.Forename is null && p.DateBirth is null && p.Pins.Count == 0 && p.Nationalities.Count == 0)
        {
            return;
        }
        var cdm42 = sed.CdmVersion == "4.2";
        w.Raw("<Person><PersonIdentification>"u8);
        w.Leaf("familyName"u8, p.FamilyName);
        w.Leaf("forename"u8, p.Forename);
        w.Leaf("dateBirth"u8, p.DateBirth);
        if (sed.CdmVersion == "4.3")
        {
            w.Leaf("sex"u8, p.Sex);
        }
        else
        {
            w.Coded("sex"u8, p.Sex);
        }
        w.Leaf("familyNameAtBirth"u8, p.FamilyNameAtBirth);
        w.Leaf("forenameAtBirth"u8, p.ForenameAtBirth);
        if (p.Pins.Count > 0)
        {
            if (!cdm42)
            {
                w.Open("PINPersonInEachInstitution"u8);
            }
            foreach (var pin in p.Pins)
            {
                w.Open("PersonalIdentificationNumber"u8);
                w.Coded("country"u8, pin.Country);
                w.Leaf("personalIdentificationNumber"u8, pin.Number);
                w.Coded("sector"u8, pin.Sector);
                if (pin.InstitutionId is not null || pin.InstitutionName is not null)
                {
                    w.Open("Institution"u8);
                    w.Leaf("institutionID"u8, pin.InstitutionId);
                    w.Leaf("institutionName"u8, pin.InstitutionName);
                    w.Close("Institution"u8);
                }
                w.Close("PersonalIdentificationNumber"u8);
            }
            if (!cdm42)
            {
                w.Close("PINPersonInEachInstitution"u8);
            }
        }
        if (p.PlaceBirthTown is not null || p.PlaceBirthCountry is not null)
        {
            w.Raw("<IfPINNotProvidedForEveryInstitutionPleaseProvide><PlaceBirth>"u8);
            w.Leaf("town"u8, p.PlaceBirthTown);
            w.Coded("country"u8, p.PlaceBirthCountry);
            w.Raw("</PlaceBirth></IfPINNotProvidedForEveryInstitutionPleaseProvide>"u8);
        }
        w.Raw("</PersonIdentification>"u8);
        if (p.Nationalities.Count > 0)
        {
            w.Open("AdditionalInformationPerson"u8);
            if (cdm42)
            {
                foreach (var n in p.Nationalities)
                {
                    w.Leaf("nationality"u8, n);
                }
            }
            else
            {
                w.Open("nationality"u8);
                foreach (var n in p.Nationalities)
                {
                    w.Leaf("value"u8, n);
                }
                w.Close("nationality"u8);
            }
            w.Close("AdditionalInformationPerson"u8);
        }
        w.Raw("</Person>"u8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteAddresses(Utf8XmlWriter w, SedRecord sed)
    {
        var any = false;
        foreach (var a in sed.Addresses)
        {
            if (!any)
            {
                w.Open("Addresses"u8);
                any = true;
            }
            w.Open("Address"u8);
            w.Coded("type"u8, a.Type);
            WriteAddress(w, a);
            w.Close("Address"u8);
        }
        if (any)
        {
            w.Close("Addresses"u8);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteAddress(Utf8XmlWriter w, Ingest.Core.Seds.AddressEntry a)
    {
        w.Open("Address"u8);
        w.Leaf("street"u8, a.Street);
        w.Leaf("buildingName"u8, a.BuildingName);
        w.Leaf("town"u8, a.Town);
        w.Leaf("postalCode"u8, a.PostalCode);
        w.Leaf("region"u8, a.Region);
        w.Coded("country"u8, a.Country);
        w.Close("Address"u8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteOrganisationBody(Utf8XmlWriter w, EmployerEntry e, bool marginal)
    {
        w.Leaf("name"u8, e.Name);
        if (e.Ids.Count > 0)
        {
            w.Open("IdentificationNumbers"u8);
            foreach (var id in e.Ids)
            {
                w.Open("IdentificationNumber"u8);
                w.Leaf("number"u8, id.Number);
                w.Coded("type"u8, id.Type);
                w.Close("IdentificationNumber"u8);
            }
            w.Close("IdentificationNumbers"u8);
        }
        if (e.Address is { } a)
        {
            WriteAddress(w, a);
        }
        if (marginal)
        {
            w.Coded("marginalActivity"u8, e.MarginalActivity);
        }
    }

    /// <summary>Employers of one role under wrapper/item, e.g. EmployerInPostingState/Employer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteEmployers(Utf8XmlWriter w, SedRecord sed, EmployerRole role, ReadOnlySpan<byte> wrapper, ReadOnlySpan<byte> item)
    {
        var any = false;
        foreach (var e in sed.Employers)
        {
            if (e.Role != role)
            {
                continue;
            }
            if (!any)
            {
                w.Open(wrapper);
                any = true;
            }
            w.Open(item);
            WriteOrganisationBody(w, e, sed.SedType == "A003");
            w.Close(item);
        }
        if (any)
        {
            w.Close(wrapper);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WritePlaceWork(Utf8XmlWriter w, SedRecord sed)
    {
        if (sed.FixedPlaceOfWork is null && sed.WorkCountries.Count == 0)
        {
            return;
        }
        w.Open("PlaceWork"u8);
        w.Coded("aFixedPlaceWorkExistsIndicator"u8, sed.FixedPlaceOfWork);
        foreach (var c in sed.WorkCountries)
        {
            w.Open("CountriesWork"u8);
            w.Coded("countryWork"u8, c.Country);
            if (c.Places.Count > 0)
            {
                w.Open("PlaceWork"u8);
                foreach (var pl in c.Places)
                {
                    w.Open("PlaceWork"u8);
                    w.Leaf("companyNameVesselName"u8, pl.Name);
                    w.Leaf("flagStatehomeBase"u8, pl.FlagStateHomeBase);
                    WriteAddress(w, pl.Address);
                    w.Close("PlaceWork"u8);
                }
                w.Close("PlaceWork"u8);
            }
            w.Close("CountriesWork"u8);
        }
        w.Close("PlaceWork"u8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WritePeriod(Utf8XmlWriter w, DecisionBlock d)
    {
        if (d.PeriodStart is null && d.PeriodEnd is null && d.OpenPeriodType is null)
        {
            return;
        }
        w.Open("PeriodForWhichDecisionApplies"u8);
        if (d.OpenPeriodType is { } open)
        {
            w.Open("OpenPeriod"u8);
            w.Coded("typeOpenPeriod"u8, open);
            w.Leaf("startDate"u8, d.PeriodStart);
            w.Close("OpenPeriod"u8);
        }
        else
        {
            w.Open("FixedPeriod"u8);
            w.Leaf("startDate"u8, d.PeriodStart);
            w.Leaf("endDate"u8, d.PeriodEnd);
            w.Close("FixedPeriod"u8);
        }
        w.Close("PeriodForWhichDecisionApplies"u8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteDecisionSed(Utf8XmlWriter w, SedRecord sed)
    {
        WriteAddresses(w, sed);
        if (sed.SedType == "A003")
        {
            WriteEmployers(w, sed, EmployerRole.Employer, "EmployerInDesignatedState"u8, "Employer"u8);
            WriteEmployers(w, sed, EmployerRole.OtherMemberState, "EmployerInOtherMS"u8, "Employer"u8);
        }
        else
        {
            WriteEmployers(w, sed, EmployerRole.Employer, "EmployerInPostingState"u8, "Employer"u8);
            WriteEmployers(w, sed, EmployerRole.OtherMemberState, "EmployerInOtherMSConcerned"u8, "Employer"u8);
        }
        WriteEmployers(w, sed, EmployerRole.SelfEmployment, "SelfEmployment"u8, "SelfEmployment"u8);
        WritePlaceWork(w, sed);
        var d = sed.Decision;
        w.Open("DecisionLegislationApplicable"u8);
        if (d.InitialDecision == "0")
        {
            w.Raw("<Decision><AmendingDecision>"u8);
            w.Coded("InitialDecision"u8, d.InitialDecision);
            w.Leaf("datePreviousDecision"u8, d.DatePreviousDecision);
            w.Raw("</AmendingDecision></Decision>"u8);
        }
        else if (d.InitialDecision is not null)
        {
            w.Raw("<Decision>"u8);
            w.Coded("InitialDecision"u8, d.InitialDecision);
            w.Raw("</Decision>"u8);
        }
        w.Coded("memberStateWhichLegislationApplies"u8, d.LegislationState);
        w.Coded("theDecisionAppliesForDurationActivityIndicator"u8, d.ForDurationOfActivity);
        WritePeriod(w, d);
        w.Close("DecisionLegislationApplicable"u8);
        w.Coded("articleRegulationECNo8832004"u8, sed.Article);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteA001(Utf8XmlWriter w, SedRecord sed)
    {
        WriteAddresses(w, sed);
        WriteEmployers(w, sed, EmployerRole.Employer, "IdentificationEmployer"u8, "Employer"u8);
        WriteEmployers(w, sed, EmployerRole.SelfEmployment, "IdentificationSelfEmployment"u8, "SelfEmployment"u8);
        WritePlaceWork(w, sed);
        foreach (var e in sed.Employers)
        {
            if (e.Role == EmployerRole.HostCountry)
            {
                w.Open("EmployerInHostCountryIfRelevant"u8);
                WriteOrganisationBody(w, e, marginal: false);
                w.Close("EmployerInHostCountryIfRelevant"u8);
                break;
            }
        }
        var d = sed.Decision;
        if (d.PeriodStart is not null || d.PeriodEnd is not null)
        {
            w.Open("RequestedPeriod"u8);
            w.Leaf("startDate"u8, d.PeriodStart);
            w.Leaf("endDate"u8, d.PeriodEnd);
            w.Close("RequestedPeriod"u8);
        }
        var x = sed.Exception;
        w.Open("RequestedForSituationsCoveredByArti8832004"u8);
        w.Coded("regulationArticlesSituationAgreementExceptionProposed"u8, sed.Article);
        if (x?.TeleworkFrameworkAgreement is { } tele)
        {
            w.Open("FillInIfArticle10"u8);
            w.Coded("teleworkFrameworkAgreement"u8, tele);
            w.Close("FillInIfArticle10"u8);
        }
        w.Close("RequestedForSituationsCoveredByArti8832004"u8);
        if (x is not null)
        {
            w.Open("ApplicableLegislation"u8);
            CodedList(w, "applicableLegislationCurrentSituation"u8, x.CurrentLegislation);
            CodedList(w, "applicableLegislationRequestedSituation"u8, x.RequestedLegislation);
            w.Close("ApplicableLegislation"u8);
            if (x.AmendmentIndicator is { } amend)
            {
                w.Raw("<MoreInformation><TypeRequest>"u8);
                w.Coded("amendmentIndicator"u8, amend);
                w.Raw("</TypeRequest></MoreInformation>"u8);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CodedList(Utf8XmlWriter w, ReadOnlySpan<byte> name, List<string> values)
    {
        w.Open(name);
        foreach (var v in values)
        {
            w.Leaf("value"u8, v);
        }
        w.Close(name);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteChange(Utf8XmlWriter w, SedRecord sed)
    {
        if (sed.Change is { } c)
        {
            w.Open("Change"u8);
            w.Coded("typeChange"u8, c.ChangeType);
            w.Leaf("effectiveDate"u8, c.EffectiveDate);
            w.Coded("cancelWholePeriod"u8, c.CancelWholePeriod);
            w.Close("Change"u8);
        }
        WritePeriod(w, sed.Decision);
        WritePlaceWork(w, sed);
    }
}
