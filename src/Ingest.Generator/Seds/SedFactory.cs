using System.Globalization;
using System.Runtime.CompilerServices;
using Ingest.Core.Seds;
using Ingest.Generator.Population;
using Ingest.Generator.Reference;
using Ingest.Generator.Scenarios;

namespace Ingest.Generator.Seds;

/// <summary>Writes an episode as the SEDs France receives for it, in clean form (noise comes later).</summary>
public sealed class SedFactory(GeneratorOptions options)
{
    private static readonly string[] s_reasons = ["01", "02", "03", "99"];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<PlannedSed> Compose(Episode e, DetRandom rng)
    {
        var list = new List<PlannedSed>(4);
        var cdm = e.Kind is CaseKind.MultiState ? "4.4" : PickCdm(rng);
        var native = e.Person.NativeFamilyName is not null && rng.Chance(CountryProfiles.Get(e.Person.HomeCountry).NativeScriptShare * (e.SendingCountry == e.Person.BirthCountry ? 1 : 0));
        var pinPresent = rng.Chance(0.9);
        var received = Time(e.Issued, rng);
        if (e.Kind == CaseKind.OrphanX)
        {
            var x = NewSed(e, e.OtherXType ?? "X009", "4.4", received, rng);
            FillPerson(x.Record, e, native, pinPresent);
            list.Add(x);
            return list;
        }

        var mainType = e.Kind switch
        {
            CaseKind.Posting => "A009",
            CaseKind.MultiState => "A003",
            CaseKind.OtherArticle => "A010",
            _ => "A001",
        };
        var main = NewSed(e, mainType, cdm, received, rng, isDecision: true);
        FillDecisionSed(main.Record, e, native, pinPresent, rng);
        list.Add(main);
        var current = main;

        if (e.ExtraVersion)
        {
            var v2 = CopyVersion(main, received.AddDays(rng.Next(1, 30)).AddMinutes(rng.Next(600)));
            if (e.MaterialChangeInVersion && e.End is { } end)
            {
                v2.Record.Decision.PeriodEnd = ReferenceBuilder.Date(end.AddDays(rng.Chance(0.5) ? 30 : -15));
            }
            else
            {
                v2.Record.AdditionalInformation = "Corrected contact details of the institution.";
            }
            main.Superseded = true;
            list.Add(v2);
            current = v2;
        }
        if (e.Amendment && e.End is { } oldEnd)
        {
            var amend = NewSed(e, mainType, cdm, current.Received.AddDays(rng.Next(20, 90)), rng, isDecision: true, isAmendment: true);
            FillDecisionSed(amend.Record, e, native, pinPresent, rng);
            amend.Record.Decision.InitialDecision = "0";
            amend.Record.Decision.DatePreviousDecision = ReferenceBuilder.Date(e.Issued);
            amend.Record.Decision.PeriodEnd = ReferenceBuilder.Date(oldEnd.AddDays(rng.Chance(0.6) ? rng.Next(10, 60) : -rng.Next(5, 20)));
            list.Add(amend);
        }
        if (e.Reply is { } reply)
        {
            var r = NewSed(e, reply, reply is "A011" or "A012" ? cdm : "4.4", current.Received.AddDays(rng.Next(5, 60)), rng);
            FillPerson(r.Record, e, native, pinPresent);
            r.Record.AdditionalInformation = reply switch
            {
                "A002" => "Request rejected: the conditions of Article 16 are not met.",
                "A004" => "Disagreement with the determination: residence not established.",
                _ => null,
            };
            list.Add(r);
        }
        if (e.InfoRequest)
        {
            var a005 = NewSed(e, "A005", "4.4", current.Received.AddDays(rng.Next(5, 40)), rng);
            FillPerson(a005.Record, e, native, pinPresent);
            a005.Record.AdditionalInformation = "Please provide the employment contract and payslips.";
            list.Add(a005);
            if (rng.Chance(0.8))
            {
                var a006 = NewSed(e, "A006", "4.4", a005.Received.AddDays(rng.Next(3, 30)), rng);
                FillPerson(a006.Record, e, native, pinPresent);
                a006.Record.AdditionalInformation = "Documents sent by post.";
                list.Add(a006);
            }
        }
        if (e.ChangeType is { } change && e.End is { } changeEnd)
        {
            var a008 = NewSed(e, "A008", "4.4", current.Received.AddDays(rng.Next(10, 80)), rng);
            FillPerson(a008.Record, e, native, pinPresent);
            var effective = e.Start.AddDays(Math.Max(1, (changeEnd.DayNumber - e.Start.DayNumber) / 2));
            a008.Record.Change = new ChangeBlock
            {
                ChangeType = change,
                EffectiveDate = ReferenceBuilder.Date(effective),
                CancelWholePeriod = change == "cancellation" ? "1" : "0",
            };
            if (change == "period")
            {
                a008.Record.Decision.PeriodStart = ReferenceBuilder.Date(e.Start);
                a008.Record.Decision.PeriodEnd = ReferenceBuilder.Date(effective);
            }
            if (change == "cancellation")
            {
                foreach (var s in list)
                {
                    if (s.IsDecision)
                    {
                        s.Invalidated = true;
                        s.InvalidatedBy = a008;
                    }
                }
            }
            list.Add(a008);
        }
        if (e.Invalidate)
        {
            var target = list[^1].IsDecision ? list[^1] : main;
            var x008 = NewSed(e, "X008", "4.4", list[^1].Received.AddDays(rng.Next(2, 40)), rng);
            FillPerson(x008.Record, e, native, pinPresent);
            x008.Record.Invalidation = new InvalidationBlock
            {
                TargetSedType = target.Record.SedType,
                TargetIssueDate = ReferenceBuilder.Date(target.IssuedOn),
                Reason = rng.Pick(s_reasons),
            };
            target.Invalidated = true;
            target.InvalidatedBy = x008;
            list.Add(x008);
        }
        if (e.OtherXType is { } xType)
        {
            var x = NewSed(e, xType, "4.4", list[^1].Received.AddDays(rng.Next(1, 60)), rng);
            if (rng.Chance(0.6))
            {
                FillPerson(x.Record, e, native, pinPresent);
            }
            list.Add(x);
        }
        return list;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string PickCdm(DetRandom rng)
    {
        var x = rng.NextDouble();
        return x < options.Cdm42Share ? "4.2" : x < options.Cdm42Share + options.Cdm43Share ? "4.3" : "4.4";
    }

    public static DateTime Time(DateOnly day, DetRandom rng) => day.ToDateTime(new TimeOnly(7, 0)).AddSeconds(rng.Next(11 * 3600));

    public static string Stamp(DateTime t) => Dates.Stamp(t);

    private static string Buc(string type, CaseKind kind) => kind switch
    {
        CaseKind.Posting => type is "A005" or "A006" ? "LA_BUC_06" : type == "A008" ? "LA_BUC_03" : "LA_BUC_04",
        CaseKind.MultiState => "LA_BUC_02",
        CaseKind.OtherArticle => "LA_BUC_05",
        CaseKind.Exception => "LA_BUC_01",
        _ => "LA_BUC_04",
    };

    private PlannedSed NewSed(Episode e, string type, string cdm, DateTime received, DetRandom rng, bool isDecision = false, bool isAmendment = false)
    {
        var created = received.AddSeconds(-rng.Next(20, 4000));
        var record = new SedRecord
        {
            SedType = type,
            CdmVersion = cdm,
            SedGVer = "4",
            SedVer = cdm[^1..],
            Envelope = new CaseEnvelope
            {
                CaseId = e.CaseId,
                BucType = Buc(type, e.Kind),
                DocumentId = rng.Hex(32),
                DocumentVersion = 1,
                SenderInstitution = e.MalformedSenderId ? e.SendingCountry + "-" + e.SenderInstitution[3..] : e.SenderInstitution,
                ReceiverInstitution = options.Receiver,
                ReceivedAt = Stamp(received),
                CreatedAt = Stamp(created),
            },
        };
        return new PlannedSed
        {
            Record = record, Episode = e, Received = received, IssuedOn = DateOnly.FromDateTime(created), IsDecision = isDecision, IsAmendment = isAmendment,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static PlannedSed CopyVersion(PlannedSed v1, DateTime received)
    {
        var clone = SedRecordCopy.Clone(v1.Record);
        clone.Envelope.DocumentVersion = v1.Record.Envelope.DocumentVersion + 1;
        clone.Envelope.ReceivedAt = Stamp(received);
        clone.Envelope.CreatedAt = Stamp(received.AddSeconds(-300));
        return new PlannedSed
        {
            Record = clone, Episode = v1.Episode, Received = received, IssuedOn = v1.IssuedOn, IsDecision = true, PreviousVersion = v1,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FillPerson(SedRecord r, Episode e, bool native, bool pinPresent)
    {
        var p = e.Person;
        var b = r.Person;
        b.FamilyName = native ? p.NativeFamilyName : p.FamilyName;
        b.Forename = native ? p.NativeForename : p.Forename;
        if (e.Placeholder)
        {
            b.FamilyName = "Test";
            b.Forename = "Test";
        }
        b.DateBirth = e.Placeholder ? "1970-01-01" : ReferenceBuilder.Date(p.BirthDate) + (e.BirthAsDateTime ? "T00:00:00" : "");
        b.Sex = e.SexUnknown ? "98" : p.Sex;
        b.FamilyNameAtBirth = p.FamilyNameAtBirth;
        if (pinPresent && p.Pins.TryGetValue(e.SendingCountry, out var pin))
        {
            b.Pins.Add(new PinEntry { Country = e.SendingCountry, Number = e.Placeholder ? "1" : e.PinFormatted ? Noise.PinNoise.Spaced(pin) : pin, Sector = "01", InstitutionId = e.SenderInstitution, InstitutionName = InstitutionName(e.SenderInstitution) });
        }
        if (p.Pins.TryGetValue("FR", out var nir) && e.SendingCountry != "FR")
        {
            b.Pins.Add(new PinEntry { Country = "FR", Number = nir });
        }
        if (b.Pins.Count == 0)
        {
            b.PlaceBirthTown = p.BirthTown;
            b.PlaceBirthCountry = p.BirthCountry;
        }
        foreach (var n in p.Nationalities)
        {
            b.Nationalities.Add(n);
        }
        if (r.CdmVersion == "4.2" && b.Nationalities.Count > 1)
        {
            r.CdmVersion = "4.4";
            r.SedVer = "4";
        }
    }

    public static string InstitutionName(string id) => id[..2] switch
    {
        "PL" => "Zakład Ubezpieczeń Społecznych",
        "DE" => "Deutsche Rentenversicherung Bund",
        "PT" => "Instituto da Segurança Social, I.P.",
        "RO" => "Casa Națională de Pensii Publice",
        "ES" => "Instituto Nacional de la Seguridad Social",
        "IT" => "Istituto Nazionale della Previdenza Sociale",
        "BE" => "Office national de sécurité sociale",
        "BG" => "Национален осигурителен институт",
        "EL" => "e-ΕΦΚΑ",
        _ => "Social Security Institution " + id[..2],
    };

    private static Address Residence(string country, Person p) =>
        country == "FR" ? new Address("12 rue des Lilas", "Metz", "57000", "FR")
        : CountryProfiles.TryGet(country, out var c) ? new Address(c.Streets[0] + " 3", c.Towns[0][..c.Towns[0].IndexOf('|', StringComparison.Ordinal)], c.Towns[0][(c.Towns[0].IndexOf('|', StringComparison.Ordinal) + 1)..], country)
        : p.Residence;

    private static AddressEntry Entry(Address a, string? type, bool withCountry = true) => new()
    {
        Type = type, Street = a.Street, Town = a.Town, PostalCode = a.PostalCode, Region = a.Region, Country = withCountry ? a.Country : null,
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static EmployerEntry EmployerEntryOf(Employer em, EmployerRole role, DetRandom rng)
    {
        var entry = new EmployerEntry { Role = role, Name = em.Name, Address = Entry(em.Address, null) };
        entry.Ids.Add(new OrganisationId { Number = em.RegistrationNumber, Type = "01" });
        if (rng.Chance(0.6))
        {
            entry.Ids.Add(new OrganisationId { Number = em.SocialSecurityNumber, Type = "02" });
        }
        if (rng.Chance(0.3))
        {
            entry.Ids.Add(new OrganisationId { Number = em.FiscalNumber, Type = "03" });
        }
        return entry;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FillDecisionSed(SedRecord r, Episode e, bool native, bool pinPresent, DetRandom rng)
    {
        FillPerson(r, e, native, pinPresent);
        var p = e.Person;
        r.Addresses.Add(Entry(e.ResidenceCountry is { } rc ? Residence(rc, p) : p.Residence, "01"));
        if (e.StayInFrance && e.Site is { } stay)
        {
            r.Addresses.Add(Entry(stay.Address with { Region = null }, "02"));
        }
        if (e.SelfEmployed)
        {
            r.Employers.Add(EmployerEntryOf(e.Employer, EmployerRole.SelfEmployment, rng));
        }
        else
        {
            var entry = EmployerEntryOf(e.Employer, EmployerRole.Employer, rng);
            if (e.Kind == CaseKind.MultiState)
            {
                entry.MarginalActivity = e.MarginalDesignated ? "1" : "0";
            }
            r.Employers.Add(entry);
        }
        if (e.OtherEmployer is { } other)
        {
            var entry = EmployerEntryOf(other, e.Kind == CaseKind.MultiState ? EmployerRole.OtherMemberState : EmployerRole.SelfEmployment, rng);
            if (e.Kind == CaseKind.MultiState)
            {
                entry.MarginalActivity = e.MarginalOther ? "1" : "0";
            }
            r.Employers.Add(entry);
        }
        // Keep the record in document order: the renderer groups employers by role in enum order.
        if (r.Employers.Count > 1)
        {
            var ordered = r.Employers.OrderBy(x => x.Role).ToList();
            r.Employers.Clear();
            r.Employers.AddRange(ordered);
        }
        if (r.CdmVersion == "4.3" && e.WorkCountries.Count > 1)
        {
            r.CdmVersion = "4.4";
            r.SedVer = "4";
        }
        r.FixedPlaceOfWork = e.Kind == CaseKind.MultiState ? "0" : "1";
        foreach (var country in e.WorkCountries)
        {
            var wc = new WorkCountryEntry { Country = country };
            if (country == "FR" && e.Site is { } site)
            {
                wc.Places.Add(new PlaceOfWork { Name = site.Name, Address = Entry(site.Address, null, withCountry: false) });
            }
            r.WorkCountries.Add(wc);
        }
        var d = r.Decision;
        d.PeriodStart = ReferenceBuilder.Date(e.Start);
        if (e.Kind == CaseKind.Exception)
        {
            d.PeriodEnd = e.End is { } reqEnd ? ReferenceBuilder.Date(reqEnd) : null;
            r.Article = e.Article;
            r.Exception = new A001Block();
            r.Exception.CurrentLegislation.Add("FR");
            r.Exception.RequestedLegislation.Add(e.SendingCountry);
            return;
        }
        d.LegislationState = e.LegislationState;
        d.InitialDecision = "1";
        d.ForDurationOfActivity = e.ForDurationOfActivity ? "1" : "0";
        if (e.OpenPeriodType is { } open)
        {
            d.OpenPeriodType = open;
        }
        else
        {
            d.PeriodEnd = e.End is { } end ? ReferenceBuilder.Date(end) : null;
        }
        r.Article = e.OmitArticle ? null : e.Article;
        if (rng.Chance(0.1))
        {
            r.AdditionalInformation = e.Kind == CaseKind.Posting ? "Travailleur détaché — chantier <" + (e.Site?.Address.Town ?? "") + "> & client \"" + (e.Site?.ClientName ?? "") + "\"" : "Activity in several Member States.";
        }
    }
}
