using Ingest.Core.Units;
using Ingest.Pipeline;
using Ingest.Sed;
using Ingest.Sources;
using Ingest.Tests.Sources;
using Microsoft.Extensions.Configuration;

namespace Ingest.Tests.Pipeline;

/// <summary>The "Parser" section sets the limits every verb and the worker parse with; each crossed limit says itself.</summary>
public sealed class ParserLimitsTests
{
    private static ParserLimits Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        var limits = new ParserLimits();
        configuration.GetSection(ParserLimits.Section).Bind(limits);
        return limits;
    }

    private static QuarantineRecord Refusal(ParserLimits limits, string xml)
    {
        using var unit = new InputUnit(new UnitId("doc.xml", null, 0), System.Text.Encoding.UTF8.GetBytes(xml));
        return new SedParser(limits.ToParserOptions()).Parse(unit).Error!;
    }

    [Theory]
    [InlineData("Parser:MaxDepth", "2", "<a><b><c/></b></a>", "DepthExceeded", "limit 2 levels (Parser:MaxDepth)")]
    [InlineData("Parser:MaxAttributes", "1", "<a x='1' y='2'/>", "TooManyAttributes", "limit 1 (Parser:MaxAttributes)")]
    [InlineData("Parser:MaxNameLength", "3", "<abcd/>", "NameTooLong", "limit 3 bytes (Parser:MaxNameLength)")]
    [InlineData("Parser:MaxTextLength", "4", "<a>hello</a>", "TextTooLong", "limit 4 bytes (Parser:MaxTextLength)")]
    [InlineData("Parser:MaxElements", "2", "<a><b/><c/></a>", "TooManyElements", "limit 2 (Parser:MaxElements)")]
    public void A_configured_limit_refuses_with_its_own_code_and_says_the_limit(string key, string value, string xml, string code, string says)
    {
        var error = Refusal(Bind((key, value)), xml);
        Assert.Equal(code, error.ErrorCode);
        Assert.EndsWith(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unset_limits_are_the_readers_defaults()
    {
        var options = Bind().ToParserOptions().Xml;
        var defaults = Ingest.Xml.XmlReaderOptions.Default;
        Assert.Equal((defaults.MaxDocumentBytes, defaults.MaxDepth, defaults.MaxElements), (options.MaxDocumentBytes, options.MaxDepth, options.MaxElements));
        Assert.True(options.IgnoreIndentation);
    }

    [Fact]
    public void A_limit_that_is_not_positive_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Bind(("Parser:MaxDepth", "0")).ToParserOptions());
    }

    [Fact]
    public async Task A_file_over_the_document_size_is_refused_unread_as_DocumentTooLarge()
    {
        using var tree = new TempTree();
        var path = tree.Write("big.xml", "<a>" + new string('x', 500) + "</a>");
        var limits = Bind(("Parser:MaxDocumentBytes", "100"));
        var parser = new SedParser(limits.ToParserOptions());
        await foreach (var unit in UnitSources.For([path], limits.ToSourceOptions()).ReadAsync(CancellationToken.None))
        {
            using (unit)
            {
                var error = parser.Parse(unit).Error!;
                Assert.Equal(("DocumentTooLarge", "document is larger than the 100-byte limit (Parser:MaxDocumentBytes)"), (error.ErrorCode, error.Message));
            }
        }
    }
}
