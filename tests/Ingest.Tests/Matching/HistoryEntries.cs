using Ingest.Matching.Linking;
using Ingest.Normalization.Names;

namespace Ingest.Tests.Matching;

/// <summary>Minimal history entries for the linking tests: only the keys the views index vary.</summary>
internal static class HistoryEntries
{
    public static HistoryEntry Make(int i, int caseNo = 1, int personNo = 1, ulong nameKey = 0, string sedType = "A012", int version = 1, DateOnly? issued = null) => new()
    {
        CaseId = "C" + caseNo,
        DocumentId = "D" + i,
        Version = version,
        SedType = sedType,
        IssueDate = issued,
        Period = null,
        State = "FR",
        SenderCountry = "FR",
        Article = "12.1",
        PersonKey = "P" + personNo,
        ReferencePersonKey = "",
        EmployerKey = "",
        EmployerName = NormalizedName.Empty,
        WorkCountries = [],
        Name = NormalizedName.Empty,
        BirthDay = -1,
        PinKeys = [],
        NameKey = nameKey,
        WholePeriodCancelled = false,
    };
}
