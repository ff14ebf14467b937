namespace Ingest.Pipeline;

/// <summary>Live counts of a run, read by the progress display while the stages update them.</summary>
public sealed class RunCounters
{
    private long _unitsRead;
    private long _bytesRead;
    private long _parsed;
    private long _seds;
    private long _notSed;
    private long _malformed;
    private long _matchedA1;
    private long _matchedDeclarations;
    private long _anomalies;
    private long _redFlags;
    private long _written;

    public long UnitsRead => Volatile.Read(ref _unitsRead);
    public long BytesRead => Volatile.Read(ref _bytesRead);
    public long Parsed => Volatile.Read(ref _parsed);
    public long Seds => Volatile.Read(ref _seds);
    public long NotSed => Volatile.Read(ref _notSed);
    public long Malformed => Volatile.Read(ref _malformed);
    public long Quarantined => NotSed + Malformed;
    public long MatchedA1 => Volatile.Read(ref _matchedA1);
    public long MatchedDeclarations => Volatile.Read(ref _matchedDeclarations);
    public long Anomalies => Volatile.Read(ref _anomalies);
    public long RedFlags => Volatile.Read(ref _redFlags);
    /// <summary>Units whose outcome (SED or quarantine row) was handed to the sink.</summary>
    public long Written => Volatile.Read(ref _written);

    internal void UnitRead(long bytes)
    {
        Interlocked.Increment(ref _unitsRead);
        Interlocked.Add(ref _bytesRead, bytes);
    }

    internal void UnitsParsed(int count) => Interlocked.Add(ref _parsed, count);
    internal void Sed() => _seds++;
    internal void NotSedUnit() => _notSed++;
    internal void MalformedUnit() => _malformed++;
    internal void MatchA1() => _matchedA1++;
    internal void MatchDeclaration() => _matchedDeclarations++;
    internal void Anomaly(int count) => _anomalies += count;
    internal void RedFlag() => _redFlags++;
    internal void WrittenUnit() => Interlocked.Increment(ref _written);
}
