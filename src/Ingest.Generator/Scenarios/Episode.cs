using Ingest.Core.Reference;
using Ingest.Generator.Population;

namespace Ingest.Generator.Scenarios;

/// <summary>One case of a dossier: what really happened, before it is written as SEDs.</summary>
public sealed class Episode
{
    public required CaseKind Kind { get; set; }
    public required string CaseId { get; init; }
    public required Person Person { get; set; }
    public required Employer Employer { get; set; }
    public HostSite? Site { get; set; }
    public required string SendingCountry { get; set; }
    public required string SenderInstitution { get; set; }
    public required string LegislationState { get; set; }
    /// <summary>Article code as written in the SED (A009 01/02; A003/A010/A001 see FORMATS.md).</summary>
    public required string Article { get; set; }
    public bool SelfEmployed { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly? End { get; set; }
    public string? OpenPeriodType { get; set; }
    public bool ForDurationOfActivity { get; set; }
    public List<string> WorkCountries { get; } = ["FR"];
    /// <summary>A003: second employer in another state; A13-01 marginal flags.</summary>
    public Employer? OtherEmployer { get; set; }
    public bool MarginalDesignated { get; set; }
    public bool MarginalOther { get; set; }
    public bool StayInFrance { get; set; }
    public DateOnly Issued { get; set; }

    public A1Certificate? A1 { get; set; }
    /// <summary>An A1 France issued to the same person (outgoing), e.g. an overlapping one (LEG-01).</summary>
    public A1Certificate? FrenchA1 { get; set; }
    public PostingDeclaration? Declaration { get; set; }

    // Follow-ups.
    public bool ExtraVersion { get; set; }
    public bool MaterialChangeInVersion { get; set; }
    public bool Amendment { get; set; }
    public string? ChangeType { get; set; }
    public bool Invalidate { get; set; }
    public string? OtherXType { get; set; }
    public bool InfoRequest { get; set; }
    public string? Reply { get; set; }
    /// <summary>STR-03 injection: the article is left out.</summary>
    public bool OmitArticle { get; set; }
    public bool Placeholder { get; set; }
    /// <summary>The declaring employer differs from the SED's (POST-04).</summary>
    public bool DeclarationEmployerDiffers { get; set; }
    public bool MalformedSenderId { get; set; }

    // Reference data wishes, turned into records by ReferenceBuilder once injection is done.
    public bool WantsA1 { get; set; }
    public string A1Status { get; set; } = "issued";
    public bool WantsDeclaration { get; set; }
    public int DeclarationExtraDays { get; set; }
    public int HireDaysBefore { get; set; } = 400;
    public bool DeclarationCancelled { get; set; }
    /// <summary>"own" (the A1 of this posting), "unknown" (a number not in the register), "expired" (an older, expired A1), null.</summary>
    public string? DeclarationCites { get; set; }
    /// <summary>The registered A1 disagrees with the SED: "birth", "sex", "nationality", "pin".</summary>
    public string? A1Disagrees { get; set; }
    /// <summary>Days between the French A1's end and this episode's start (negative = overlap), null = none.</summary>
    public int? FrenchA1GapDays { get; set; }

    // Injection-only presentation choices (not noise: they exist at every noise level).
    public bool BirthAsDateTime { get; set; }
    public bool SexUnknown { get; set; }
    public bool PinFormatted { get; set; }
    public bool DeclarationEmployerVariant { get; set; }
    public string? ResidenceCountry { get; set; }

    /// <summary>Rules this episode's main SED was built to narrowly miss.</summary>
    public HashSet<string> NearMisses { get; } = new(StringComparer.Ordinal);
    /// <summary>Rules injected as positives (checked by the oracle, kept for the coverage report).</summary>
    public HashSet<string> Injected { get; } = new(StringComparer.Ordinal);
}
