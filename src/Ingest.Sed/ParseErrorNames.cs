using Ingest.Xml;

namespace Ingest.Sed;

/// <summary>Error code names without an allocation per rejection.</summary>
internal static class ParseErrorNames
{
    private static readonly Dictionary<ParseErrorCode, string> s_names =
        Enum.GetValues<ParseErrorCode>().ToDictionary(c => c, c => c.ToString());

    public static string Of(ParseErrorCode code) => s_names.TryGetValue(code, out var name) ? name : code.ToString();
}
