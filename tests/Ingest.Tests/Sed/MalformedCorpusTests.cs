using Ingest.Core.Units;
using Ingest.Sed;
using Ingest.Sources;
using Ingest.Tests.Xml;

namespace Ingest.Tests.Sed;

/// <summary>samples/malformed: every file is rejected with the code its name starts with, with a position.</summary>
public sealed class MalformedCorpusTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(SamplePaths.Samples, "malformed")).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Each_file_is_rejected_with_its_expected_code(string fileName)
    {
        var expected = fileName[..fileName.IndexOf("--", StringComparison.Ordinal)];
        var path = Path.Combine(SamplePaths.Samples, "malformed", fileName);
        var parser = new SedParser();
        var outcomes = new List<ParseOutcome>();
        await foreach (var unit in UnitSources.For([path]).ReadAsync(CancellationToken.None))
        {
            using (unit)
            {
                outcomes.Add(parser.Parse(unit));
            }
        }
        var last = outcomes[^1];
        Assert.Equal(ParseOutcomeKind.Malformed, last.Kind);
        Assert.Equal(expected, last.Error!.ErrorCode);
        Assert.True(last.Error.Line >= 1 && last.Error.Column >= 1);
        Assert.False(string.IsNullOrEmpty(last.Error.Message));
    }

    [Fact]
    public void Error_positions_point_at_the_offending_byte()
    {
        var outcome = SedTestParsing.Parse(File.ReadAllBytes(Path.Combine(SamplePaths.Samples, "malformed", "MismatchedEndTag--wrong-name.xml")));
        Assert.Equal((12L, 3, 3, "/a/b"), (outcome.Error!.ByteOffset, outcome.Error.Line, outcome.Error.Column, outcome.Error.ElementPath));
        var doctype = SedTestParsing.Parse(File.ReadAllBytes(Path.Combine(SamplePaths.Samples, "malformed", "DoctypeRejected--billion-laughs.xml")));
        Assert.Equal((22L, 2, 1), (doctype.Error!.ByteOffset, doctype.Error.Line, doctype.Error.Column));
        var utf8 = SedTestParsing.Parse("<a>\n  é\u00e9 <b x='1'>"u8.ToArray().Concat(new byte[] { 0xFF }).ToArray());
        Assert.Equal(("InvalidUtf8", 2, 15, "/a/b"), (utf8.Error!.ErrorCode, utf8.Error.Line, utf8.Error.Column, utf8.Error.ElementPath));
    }

    [Fact]
    public void Quarantine_keeps_the_raw_bytes_of_small_units()
    {
        var bytes = "<a><b></a>"u8.ToArray();
        var outcome = SedTestParsing.Parse(bytes);
        Assert.Equal(bytes, outcome.Error!.Raw.ToArray());
        Assert.Equal("test.xml", outcome.Error.Unit.Source);
    }
}
