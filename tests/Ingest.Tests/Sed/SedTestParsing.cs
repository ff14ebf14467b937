using System.Text;
using System.Text.Json;
using Ingest.Core.Seds;
using Ingest.Core.Units;
using Ingest.Sed;

namespace Ingest.Tests.Sed;

internal static class SedTestParsing
{
    public static ParseOutcome Parse(byte[] bytes, string name = "test.xml", IReadOnlyDictionary<string, string>? headers = null)
    {
        using var unit = new InputUnit(new UnitId(name, null, 0), bytes) { Headers = headers };
        return new SedParser().Parse(unit);
    }

    public static ParseOutcome Parse(string xml) => Parse(Encoding.UTF8.GetBytes(xml));

    public static SedRecord ParseSed(string path)
    {
        var outcome = Parse(File.ReadAllBytes(path), path);
        Assert.True(outcome.Kind == ParseOutcomeKind.Sed, $"{path}: {outcome.Kind} {outcome.Error?.ErrorCode} {outcome.Error?.Message}");
        return outcome.Sed!;
    }

    public static string Json(SedRecord r) => JsonSerializer.Serialize(r, SedJsonContext.Default.SedRecord);
}
