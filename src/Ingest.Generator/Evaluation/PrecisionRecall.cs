namespace Ingest.Generator.Evaluation;

/// <summary>Counts of one classification and the measures derived from them (fractions in 0..1).</summary>
public sealed class PrecisionRecall
{
    public long TruePositives { get; private set; }
    public long FalsePositives { get; private set; }
    public long FalseNegatives { get; private set; }

    /// <summary>Cases the truth says are positive.</summary>
    public long Support => TruePositives + FalseNegatives;

    /// <summary>1 when nothing was predicted: no prediction, no wrong prediction.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : TruePositives / (double)(TruePositives + FalsePositives);

    public double Recall => Support == 0 ? 1 : TruePositives / (double)Support;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>One expected/predicted pair: equal and present is a hit; a wrong prediction is both a false positive and a miss.</summary>
    public void Add(string? expected, string? predicted)
    {
        if (expected is not null && predicted is not null && string.Equals(expected, predicted, StringComparison.Ordinal))
        {
            TruePositives++;
            return;
        }
        if (predicted is not null)
        {
            FalsePositives++;
        }
        if (expected is not null)
        {
            FalseNegatives++;
        }
    }

    public void Add(bool expected, bool predicted) => Add(expected ? "1" : null, predicted ? "1" : null);
}
