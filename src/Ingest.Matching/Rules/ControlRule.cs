using Ingest.Core.Results;

namespace Ingest.Matching.Rules;

/// <summary>
/// One control rule: its catalogue entry plus a check. The check returns a finding or null
/// (abstain); <see cref="Evaluate"/> never throws: odd data that breaks a check is an abstention,
/// counted so that it can be seen.
/// </summary>
public sealed class ControlRule
{
    private readonly Func<RuleContext, Finding?> _check;
    private long _failures;

    internal ControlRule(string id, Severity severity, string title, string legalBasis, string[] inputs, string followUp, Func<RuleContext, Finding?> check, Severity? escalatesTo = null)
    {
        Descriptor = new RuleDescriptor { Id = id, Title = title, Severity = severity, LegalBasis = legalBasis, Inputs = inputs, FollowUp = followUp };
        _check = check;
        MaxSeverity = escalatesTo is { } e && e > severity ? e : severity;
    }

    public RuleDescriptor Descriptor { get; }

    public string Id => Descriptor.Id;

    public string Title => Descriptor.Title;

    public Severity Severity => Descriptor.Severity;

    /// <summary>The highest severity a finding of this rule can carry (DOMAIN §5 "MED/RED" rules escalate).</summary>
    public Severity MaxSeverity { get; }

    public string LegalBasis => Descriptor.LegalBasis;

    public IReadOnlyList<string> Inputs => Descriptor.Inputs;

    public string FollowUp => Descriptor.FollowUp;

    /// <summary>Checks that threw and were turned into abstentions.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    internal Anomaly? Evaluate(RuleContext context)
    {
        Finding? finding;
        try
        {
            finding = _check(context);
        }
        catch (Exception)
        {
            // A check run on pending history is run again in order; its failure counts there.
            if (!context.HistoryRead)
            {
                Interlocked.Increment(ref _failures);
            }
            return null;
        }
        if (finding is not { } f)
        {
            return null;
        }
        return new Anomaly { RuleId = Id, Severity = f.Severity ?? Severity, Reasons = f.Reason, FollowUp = FollowUp };
    }
}
