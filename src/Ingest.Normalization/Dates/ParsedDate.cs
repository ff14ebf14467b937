namespace Ingest.Normalization.Dates;

public readonly record struct ParsedDate(DateOnly Value, DateStatus Status)
{
    public bool IsValid => Status == DateStatus.Valid;

    public DateOnly? AsNullable => Status == DateStatus.Valid ? Value : null;
}
