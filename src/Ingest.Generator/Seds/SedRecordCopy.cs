using System.Runtime.CompilerServices;
using Ingest.Core.Seds;

namespace Ingest.Generator.Seds;

/// <summary>Deep copy of a <see cref="SedRecord"/> (new versions, duplicate deliveries).</summary>
public static class SedRecordCopy
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SedRecord Clone(SedRecord s)
    {
        var c = new SedRecord
        {
            SedType = s.SedType, CdmVersion = s.CdmVersion, SedGVer = s.SedGVer, SedVer = s.SedVer,
            FixedPlaceOfWork = s.FixedPlaceOfWork, Article = s.Article, AdditionalInformation = s.AdditionalInformation,
            Envelope = new CaseEnvelope
            {
                CaseId = s.Envelope.CaseId, BucType = s.Envelope.BucType, DocumentId = s.Envelope.DocumentId,
                DocumentVersion = s.Envelope.DocumentVersion, SenderInstitution = s.Envelope.SenderInstitution,
                ReceiverInstitution = s.Envelope.ReceiverInstitution, ReceivedAt = s.Envelope.ReceivedAt, CreatedAt = s.Envelope.CreatedAt,
            },
            Person = new PersonBlock
            {
                FamilyName = s.Person.FamilyName, Forename = s.Person.Forename, DateBirth = s.Person.DateBirth, Sex = s.Person.Sex,
                FamilyNameAtBirth = s.Person.FamilyNameAtBirth, ForenameAtBirth = s.Person.ForenameAtBirth,
                PlaceBirthTown = s.Person.PlaceBirthTown, PlaceBirthCountry = s.Person.PlaceBirthCountry,
            },
            Decision = new DecisionBlock
            {
                LegislationState = s.Decision.LegislationState, InitialDecision = s.Decision.InitialDecision,
                DatePreviousDecision = s.Decision.DatePreviousDecision, ForDurationOfActivity = s.Decision.ForDurationOfActivity,
                PeriodStart = s.Decision.PeriodStart, PeriodEnd = s.Decision.PeriodEnd, OpenPeriodType = s.Decision.OpenPeriodType,
            },
        };
        foreach (var p in s.Person.Pins)
        {
            c.Person.Pins.Add(new PinEntry { Country = p.Country, Number = p.Number, Sector = p.Sector, InstitutionId = p.InstitutionId, InstitutionName = p.InstitutionName });
        }
        c.Person.Nationalities.AddRange(s.Person.Nationalities);
        foreach (var a in s.Addresses)
        {
            c.Addresses.Add(Copy(a));
        }
        foreach (var e in s.Employers)
        {
            var ce = new EmployerEntry { Role = e.Role, Name = e.Name, Address = e.Address is null ? null : Copy(e.Address), MarginalActivity = e.MarginalActivity };
            foreach (var id in e.Ids)
            {
                ce.Ids.Add(new OrganisationId { Number = id.Number, Type = id.Type });
            }
            c.Employers.Add(ce);
        }
        foreach (var w in s.WorkCountries)
        {
            var cw = new WorkCountryEntry { Country = w.Country };
            foreach (var pl in w.Places)
            {
                cw.Places.Add(new PlaceOfWork { Name = pl.Name, FlagStateHomeBase = pl.FlagStateHomeBase, Address = Copy(pl.Address) });
            }
            c.WorkCountries.Add(cw);
        }
        if (s.Exception is { } x)
        {
            c.Exception = new A001Block { TeleworkFrameworkAgreement = x.TeleworkFrameworkAgreement, AmendmentIndicator = x.AmendmentIndicator };
            c.Exception.CurrentLegislation.AddRange(x.CurrentLegislation);
            c.Exception.RequestedLegislation.AddRange(x.RequestedLegislation);
        }
        if (s.Change is { } ch)
        {
            c.Change = new ChangeBlock { ChangeType = ch.ChangeType, EffectiveDate = ch.EffectiveDate, CancelWholePeriod = ch.CancelWholePeriod };
        }
        if (s.Invalidation is { } inv)
        {
            c.Invalidation = new InvalidationBlock { TargetSedType = inv.TargetSedType, TargetIssueDate = inv.TargetIssueDate, Reason = inv.Reason };
        }
        return c;
    }

    private static AddressEntry Copy(AddressEntry a) => new()
    {
        Type = a.Type, Street = a.Street, BuildingName = a.BuildingName, Town = a.Town, PostalCode = a.PostalCode, Region = a.Region, Country = a.Country,
    };
}
