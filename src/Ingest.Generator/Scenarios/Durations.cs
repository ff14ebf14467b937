namespace Ingest.Generator.Scenarios;

/// <summary>Posting durations: log-normal, median 60 days, mean 115 (σ² / 2 = ln(115 / 60)), about 1.4 % beyond 24 months.</summary>
public static class Durations
{
    public const double Mu = 4.0943445622221004; // ln 60
    public static readonly double Sigma = Math.Sqrt(2 * Math.Log(115.0 / 60.0));

    public static int PostingDays(DetRandom rng) => Math.Clamp((int)Math.Round(Math.Exp(Mu + Sigma * rng.Normal())), 2, 2000);
}
