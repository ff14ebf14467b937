using Ingest.Core.Seds;
using Ingest.Core.Units;

namespace Ingest.Core.Evaluation;

/// <summary>
/// SED records their last owner is done with, parsed into again by the parse workers (see
/// <see cref="ISedParser.Parse(InputUnit, SedRecord?)"/>): a document then allocates only the strings it
/// keeps. Thread-safe; holds at most a few thousand records, so a drain's peak in flight is not kept idle.
/// Last in, first out: the record handed back last is the one most likely still in the caches, and a
/// worker parsing into it writes every field it clears (first in, first out took the coldest).
/// </summary>
public sealed class SpareRecords
{
    private const int MaxRecords = 4096;
    private readonly Stack<SedRecord> _records = new();
    private readonly Lock _lock = new();

    private SpareRecords()
    {
    }

    /// <summary>A pool when recycling is asked for and safe (neither the sink nor the evaluator keeps records); null otherwise.</summary>
    public static SpareRecords? For(bool recycle, IResultSink sink, ISedEvaluator evaluator) =>
        recycle && !sink.KeepsEvaluations && !evaluator.KeepsRecords ? new SpareRecords() : null;

    /// <summary>Parses into a spare record when there is one; a record that did not become a SED stays spare.</summary>
    public ParseOutcome Parse(ISedParser parser, InputUnit unit)
    {
        SedRecord? spare;
        lock (_lock)
        {
            spare = _records.TryPop(out var free) ? free : null;
        }
        var outcome = parser.Parse(unit, spare);
        if (spare is not null && outcome.Sed is null)
        {
            Return(spare);
        }
        return outcome;
    }

    /// <summary>Hands back a record nothing refers to any more.</summary>
    public void Return(SedRecord record)
    {
        lock (_lock)
        {
            if (_records.Count < MaxRecords)
            {
                _records.Push(record);
            }
        }
    }
}
