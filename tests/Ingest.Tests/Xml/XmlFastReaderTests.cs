using System.Buffers;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Core.Units;
using Ingest.Generator;
using Ingest.Sed;
using Ingest.Tests.Sed;
using Ingest.Xml;
using Ingest.Xml.Fast;

namespace Ingest.Tests.Xml;

/// <summary>
/// The fast reader may refuse anything (the general reader then reads the document), but what it accepts
/// must be well-formed and pushed exactly as the general reader pushes it.
/// </summary>
public sealed class XmlFastReaderTests
{
    private static readonly XmlReaderOptions s_indentationSkipped = new() { IgnoreIndentation = true };

    // Start tags the guessing recorder saw guessed right, over all tests of this class.
    private static int s_guessHits;

    [Property(MaxTest = 300)]
    public Property What_it_accepts_of_well_formed_documents_the_general_reader_pushes_alike() =>
        Prop.ForAll(XmlGenerators.WellFormed.ToArbitrary(), doc => AssertAgreement(doc));

    [Property(MaxTest = 300)]
    public Property Documents_of_its_subset_are_accepted_and_pushed_alike() =>
        Prop.ForAll(Plain.ToArbitrary(), doc =>
        {
            foreach (var options in new[] { XmlReaderOptions.Default, s_indentationSkipped })
            {
                foreach (var skip in new[] { false, true })
                {
                    var fast = Fast(doc, options, skip);
                    Assert.True(fast is not null, Encoding.UTF8.GetString(doc));
                    Assert.Equal(General(doc, options, skip), fast);
                }
            }
        });

    /// <summary>CRLF documents, as Windows tools indent them: read when indentation is skipped (the SED parser's setting).</summary>
    [Property(MaxTest = 200)]
    public Property Documents_of_its_subset_with_crlf_indentation_are_accepted_when_indentation_is_skipped() =>
        Prop.ForAll(Plain.ToArbitrary(), plain =>
        {
            var doc = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(plain).Replace("\n", "\r\n", StringComparison.Ordinal).Replace("><", ">\r\n  <", StringComparison.Ordinal));
            foreach (var skip in new[] { false, true })
            {
                var fast = Fast(doc, s_indentationSkipped, skip);
                Assert.True(fast is not null, Encoding.UTF8.GetString(doc));
                Assert.Equal(General(doc, s_indentationSkipped, skip), fast);
            }
            AssertAgreement(doc);
        });

    [Property(MaxTest = 500)]
    public Property Documents_of_its_subset_with_one_edit_are_accepted_only_when_well_formed() =>
        Prop.ForAll(PlainMutated.ToArbitrary(), doc => AssertAgreement(doc));

    [Property(MaxTest = 500)]
    public Property What_it_accepts_of_mutated_documents_is_well_formed_and_pushed_alike() =>
        Prop.ForAll(XmlGenerators.Mutated.ToArbitrary(), doc => AssertAgreement(doc));

    [Property(MaxTest = 200)]
    public Property Generated_seds_with_one_edit_are_accepted_only_when_the_general_reader_agrees() =>
        Prop.ForAll(MutatedSeds.ToArbitrary(), doc => AssertAgreement(doc));

    /// <summary>The properties above would prove nothing if the fast reader refused everything.</summary>
    [Fact]
    public void It_accepts_a_share_of_random_documents_and_of_edited_seds()
    {
        var random = Enumerable.Range(0, 400).Count(seed =>
            Fast(Encoding.UTF8.GetBytes(RandomXmlDocument.Build(seed, 12)), XmlReaderOptions.Default, skipOddNames: false) is not null);
        var edited = 0;
        for (var seed = 0; seed < 400; seed++)
        {
            var doc = Mutate(RandomSedRecordBytes(seed), seed % 3, seed * 7919, (byte)" a<>&]"[seed % 6]);
            AssertAgreement(doc);
            edited += Fast(doc, XmlReaderOptions.Default, skipOddNames: false) is not null ? 1 : 0;
        }
        Assert.True(random >= 5, $"{random} of 400 random documents accepted");
        Assert.True(edited >= 40, $"{edited} of 400 edited SEDs accepted");
    }

    [Fact]
    public void Every_generated_sed_is_read_by_the_fast_reader_and_parses_to_the_record_of_the_general_reader()
    {
        var general = new SedParser(new SedParserOptions { FastPath = false });
        var fast = new SedParser();
        var accepted = 0;
        var seds = new CorpusGenerator(new GeneratorOptions { Seds = 400, Seed = 21, Noise = NoiseLevel.Hard }).Generate().ToList();
        foreach (var sed in seds)
        {
            var read = Fast(sed.Bytes, s_indentationSkipped, skipOddNames: false) is not null;
            Assert.True(read || sed.Malformed, $"{sed.EntryName} was left to the general reader:\n{Encoding.UTF8.GetString(sed.Bytes)}");
            accepted += read ? 1 : 0;
            AssertSameOutcome(general, fast, sed.Bytes, sed.EntryName);
        }
        Assert.True(accepted > seds.Count * 9 / 10, $"{accepted} of {seds.Count}");
        // The guessing recorder (see Fast) is right about most start tags of SEDs: the guessed path is exercised.
        Assert.True(Volatile.Read(ref s_guessHits) > seds.Count * 20, $"{s_guessHits} start tags guessed");
    }

    [Fact]
    public void Valid_samples_parse_to_the_same_records_with_and_without_it()
    {
        var general = new SedParser(new SedParserOptions { FastPath = false });
        var fast = new SedParser();
        foreach (var path in SamplePaths.ValidXml())
        {
            AssertSameOutcome(general, fast, File.ReadAllBytes(path), path);
        }
    }

    [Fact]
    public void It_accepts_no_document_of_the_malformed_corpus()
    {
        var files = Directory.GetFiles(Path.Combine(SamplePaths.Samples, "malformed"), "*.xml");
        Assert.NotEmpty(files);
        foreach (var path in files)
        {
            var bytes = File.ReadAllBytes(path);
            Assert.True(Fast(bytes, XmlReaderOptions.Default, skipOddNames: false) is null, path);
            Assert.True(Fast(bytes, s_indentationSkipped, skipOddNames: true) is null, path);
        }
    }

    [Theory]
    [InlineData("<a>x &amp; y &lt;b&gt; &quot;c&quot; &apos;d&apos;</a>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a><b>Łódź ] ]> </b></a>")]
    [InlineData("\uFEFF<a x='1' y = \"2\"><b/><c></c></a>\n")]
    [InlineData("<p:a xmlns:p=\"urn:p\" xmlns=\"urn:d\"><b xmlns=\"\"><p:c/></b></p:a>")]
    [InlineData("<a>\n  <b>1</b>\n  <c>  </c>\n</a>")]
    [InlineData("<a xmlns=\"u\" xmlns:mlns=\"v\"/>")]
    // Text whose first byte to look at is a reference or a ']' and whose non-ASCII comes after it, and
    // the other way round: either order is decoded and reported as not ASCII.
    [InlineData("<a><b>&amp; Łódź</b><c>] Kraków &lt;</c><d>Żory &amp;</d></a>")]
    public void It_reads_the_constructs_of_its_subset_as_the_general_reader(string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        foreach (var options in new[] { XmlReaderOptions.Default, s_indentationSkipped })
        {
            var fast = Fast(bytes, options, skipOddNames: false);
            Assert.NotNull(fast);
            Assert.Equal(General(bytes, options, skipOddNames: false), fast);
        }
    }

    [Fact]
    public void Carriage_returns_are_read_in_skipped_indentation_and_tags_only()
    {
        var indented = Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\r\n<a\r\n x=\"1\">\r\n  <b>1</b>\r\n  <c></c\r\n>\r\n</a>\r\n");
        Assert.NotNull(Fast(indented, s_indentationSkipped, skipOddNames: false));
        Assert.Equal(General(indented, s_indentationSkipped, skipOddNames: false), Fast(indented, s_indentationSkipped, skipOddNames: false));
        // Reported, indentation would need end-of-line handling; a CR inside a value always does.
        Assert.Null(Fast(indented, XmlReaderOptions.Default, skipOddNames: false));
        Assert.Null(Fast(Encoding.UTF8.GetBytes("<a><b>1\r\n2</b></a>"), s_indentationSkipped, skipOddNames: false));
    }

    [Theory]
    [InlineData("<!DOCTYPE a><a/>")]
    [InlineData("<a><!-- c --></a>")]
    [InlineData("<a><![CDATA[x]]></a>")]
    [InlineData("<a><?pi x?></a>")]
    [InlineData("<a>&#65;</a>")]
    [InlineData("<a>x\r\ny</a>")]
    [InlineData("<a>x]]>y</a>")]
    [InlineData("<a x=\"&amp;\"/>")]
    [InlineData("<a x=\"1\ty\"/>")]
    [InlineData("<a x=\"é\"/>")]
    [InlineData("<a p:x=\"1\" xmlns:p=\"u\"/>")]
    [InlineData("<a xmlns:xml=\"http://www.w3.org/XML/1998/namespace\"/>")]
    [InlineData("<a xmlns:p=\"\"/>")]
    [InlineData("<é/>")]
    [InlineData("<p:a/>")]
    [InlineData("<a></b>")]
    [InlineData("<a x=\"1\" x=\"2\"/>")]
    [InlineData("<a x=\"1\"y=\"2\"/>")]
    [InlineData("<a/><b/>")]
    [InlineData("<a>")]
    [InlineData("<?xml version=\"1.1\"?><a/>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>")]
    [InlineData("<?xml version=\"1.0\" standalone=\"maybe\"?><a/>")]
    [InlineData("<?xml-stylesheet href=\"a\"?><a/>")]
    public void It_leaves_everything_else_to_the_general_reader(string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        Assert.Null(Fast(bytes, XmlReaderOptions.Default, skipOddNames: false));
    }

    /// <summary>Invalid UTF-8 in text is refused wherever the run's first special byte was (a reference, a ']', a non-ASCII byte).</summary>
    [Theory]
    [InlineData("<a>&amp; ", new byte[] { 0xC3, 0x28 })]
    [InlineData("<a>] ", new byte[] { 0xFF })]
    [InlineData("<a>\u00E9 ", new byte[] { 0xED, 0xA0, 0x80 })]
    [InlineData("<a>&lt;", new byte[] { 0xEF, 0xBF, 0xBE })]
    public void Text_with_invalid_utf8_after_any_first_special_byte_is_refused(string before, byte[] bad)
    {
        var bytes = Encoding.UTF8.GetBytes(before).Concat(bad).Concat("</a>"u8.ToArray()).ToArray();
        Assert.Null(Fast(bytes, XmlReaderOptions.Default, skipOddNames: false));
    }

    [Fact]
    public void A_limit_reached_is_left_to_the_general_reader_which_reports_it()
    {
        var deep = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<a>", 10)) + string.Concat(Enumerable.Repeat("</a>", 10)));
        Assert.Null(Fast(deep, new XmlReaderOptions { MaxDepth = 9 }, skipOddNames: false));
        Assert.NotNull(Fast(deep, new XmlReaderOptions { MaxDepth = 10 }, skipOddNames: false));
        var text = Encoding.UTF8.GetBytes("<a>" + new string('x', 100) + "</a>");
        Assert.Null(Fast(text, new XmlReaderOptions { MaxTextLength = 100 }, skipOddNames: false));
        Assert.Null(Fast(text, new XmlReaderOptions { MaxDocumentBytes = text.Length }, skipOddNames: false));
        Assert.Null(Fast(deep, new XmlReaderOptions { MaxElements = 9 }, skipOddNames: false));
        Assert.Equal("DepthExceeded", SedTestParsingWith(deep, new XmlReaderOptions { MaxDepth = 5 }));
    }

    private static string? SedTestParsingWith(byte[] bytes, XmlReaderOptions xml)
    {
        using var unit = new InputUnit(new UnitId("t.xml", null, 0), bytes);
        return new SedParser(new SedParserOptions { Xml = xml }).Parse(unit).Error?.ErrorCode;
    }

    private static Gen<byte[]> Plain =>
        Gen.Sized(size => Gen.Choose(0, int.MaxValue - 1).Select(seed => Encoding.UTF8.GetBytes(RandomXmlDocument.BuildPlain(seed, size + 1))));

    private static Gen<byte[]> PlainMutated =>
        from doc in Plain
        from at in Gen.Choose(0, 100_000)
        from kind in Gen.Choose(0, 2)
        from value in Gen.Elements<byte>((byte)'<', (byte)'>', (byte)'&', (byte)'"', (byte)'\'', 0xC3, 0xFF, 0x01, (byte)':', (byte)']', (byte)'/', (byte)'=', (byte)'\r', (byte)' ', (byte)'a', (byte)';')
        select Mutate(doc, kind, at, value);

    private static Gen<byte[]> MutatedSeds =>
        from seed in Gen.Choose(0, 10_000)
        from at in Gen.Choose(0, 100_000)
        from kind in Gen.Choose(0, 2)
        from value in Gen.Elements<byte>((byte)'<', (byte)'>', (byte)'&', (byte)'"', 0xC3, 0xFF, 0x01, (byte)':', (byte)']', (byte)'/', (byte)'=', (byte)'\r', (byte)' ', (byte)'a')
        select Mutate(RandomSedRecordBytes(seed), kind, at, value);

    private static byte[] RandomSedRecordBytes(int seed)
    {
        var type = RandomSedRecord.Types[seed % RandomSedRecord.Types.Length];
        var version = RandomSedRecord.Versions[seed % RandomSedRecord.Versions.Length];
        return Encoding.UTF8.GetBytes(SedTestWriter.Write(RandomSedRecord.Create(seed, type, version, envelope: seed % 2 == 0), envelope: seed % 2 == 0));
    }

    private static byte[] Mutate(byte[] doc, int kind, int at, byte value)
    {
        var list = doc.ToList();
        var where = at % list.Count;
        switch (kind)
        {
            case 0: list[where] = value; break;
            case 1: list.RemoveAt(where); break;
            default: list.Insert(where, value); break;
        }
        return list.ToArray();
    }

    private static void AssertAgreement(byte[] doc)
    {
        foreach (var options in new[] { XmlReaderOptions.Default, s_indentationSkipped })
        {
            foreach (var skip in new[] { false, true })
            {
                var fast = Fast(doc, options, skip);
                if (fast is not null)
                {
                    Assert.Equal(General(doc, options, skip), fast);
                }
            }
        }
    }

    private static void AssertSameOutcome(SedParser general, SedParser fast, byte[] bytes, string name)
    {
        using var unit = new InputUnit(new UnitId(name, null, 0), bytes);
        var expected = general.Parse(unit);
        var actual = fast.Parse(unit);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Sed is null ? null : SedTestParsing.Json(expected.Sed), actual.Sed is null ? null : SedTestParsing.Json(actual.Sed));
        Assert.Equal(
            (expected.Error?.ErrorCode, expected.Error?.Message, expected.Error?.ByteOffset, expected.Error?.Line, expected.Error?.Column, expected.Error?.ElementPath),
            (actual.Error?.ErrorCode, actual.Error?.Message, actual.Error?.ByteOffset, actual.Error?.Line, actual.Error?.Column, actual.Error?.ElementPath));
    }

    /// <summary>
    /// What the fast reader pushes, or null when it leaves the document to the general reader; checked to be
    /// the same when the handler guesses start tags' names (<see cref="NameGuesser"/>).
    /// </summary>
    private static List<string>? Fast(byte[] doc, XmlReaderOptions options, bool skipOddNames)
    {
        var plain = Fast(doc, options, skipOddNames, guesser: null);
        var guesser = new NameGuesser();
        Assert.Equal(plain, Fast(doc, options, skipOddNames, guesser));
        Interlocked.Add(ref s_guessHits, guesser.Hits);
        return plain;
    }

    private static List<string>? Fast(byte[] doc, XmlReaderOptions options, bool skipOddNames, NameGuesser? guesser)
    {
        var recorder = new FastRecorder(skipOddNames, guesser);
        var reader = new XmlFastReader(doc, options, new XmlFastScratch());
        if (!reader.TryReadToEnd(ref recorder))
        {
            return null;
        }
        recorder.Output.Add("end");
        return recorder.Output;
    }

    private static List<string> General(byte[] doc, XmlReaderOptions options, bool skipOddNames)
    {
        var recorder = new GeneralRecorder(skipOddNames);
        try
        {
            var reader = new XmlTokenReader(new ReadOnlySequence<byte>(doc), isFinalBlock: true, new XmlReaderState(options));
            reader.ReadToEnd(ref recorder);
            recorder.Output.Add("end");
        }
        catch (XmlParseException e)
        {
            recorder.Output.Add($"rejected {e.Code}");
        }
        return recorder.Output;
    }

    private static string Start<TTag>(ref TTag tag, List<string> attributes)
        where TTag : IXmlStartTag, allows ref struct
    {
        var line = new StringBuilder($"start depth={tag.Depth} {{{Encoding.UTF8.GetString(tag.NamespaceUri)}}}{Encoding.UTF8.GetString(tag.LocalName)} at={tag.TokenStartOffset}");
        foreach (var attribute in attributes)
        {
            line.Append(' ').Append(attribute);
        }
        return line.ToString();
    }

    private static string Attribute(XmlAttribute a) =>
        $"{Encoding.UTF8.GetString(a.Name)}[{Encoding.UTF8.GetString(a.Prefix)}|{Encoding.UTF8.GetString(a.NamespaceUri)}]={Encoding.UTF8.GetString(a.Value)}";

    private static string Text(ReadOnlySpan<byte> text) => "text " + Convert.ToHexString(text);

    private readonly struct FastRecorder(bool skipOddNames, NameGuesser? guesser) : IXmlFastHandler
    {
        public List<string> Output { get; } = [];

        public ref readonly XmlNameGuess NextName => ref guesser is null ? ref NameGuesser.Nothing : ref guesser.Current;

        public bool OnStartElement(ref XmlFastReader tag)
        {
            var attributes = new List<string>();
            for (var i = 0; i < tag.AttributeCount; i++)
            {
                attributes.Add(Attribute(tag.GetAttribute(i)));
            }
            Output.Add(Start(ref tag, attributes));
            guesser?.Entered(tag.QualifiedName);
            return !(skipOddNames && XmlPushDump.OddNames(tag.LocalName));
        }

        public bool OnGuessedStartElement(ref XmlFastReader tag)
        {
            Assert.NotNull(guesser);
            Assert.Equal(guesser.CurrentName, tag.QualifiedName.ToArray());
            Assert.Equal(0, tag.AttributeCount);
            guesser.Hits++;
            return OnStartElement(ref tag);
        }

        public void OnEndElement()
        {
            Output.Add("end-element");
            guesser?.Left();
        }

        public void OnText(ReadOnlySpan<byte> text, bool isAscii)
        {
            Assert.True(!isAscii || Ascii.IsValid(text));
            Output.Add(Text(text));
        }
    }

    /// <summary>
    /// Guesses the next start tag as the name last seen at that depth (right for repeated siblings and for
    /// documents of one shape, wrong elsewhere): whatever it guesses, the reader must push the same tokens.
    /// </summary>
    private sealed class NameGuesser
    {
        public static readonly XmlNameGuess Nothing;

        private readonly List<byte[]> _lastAtDepth = [];
        private int _depth;

        public XmlNameGuess Current;

        public byte[] CurrentName { get; private set; } = [];

        public int Hits { get; set; }

        public void Entered(ReadOnlySpan<byte> qualifiedName)
        {
            while (_lastAtDepth.Count <= _depth)
            {
                _lastAtDepth.Add([]);
            }
            _lastAtDepth[_depth] = qualifiedName.ToArray();
            _depth++;
            GuessAtDepth();
        }

        public void Left()
        {
            _depth--;
            GuessAtDepth();
        }

        private void GuessAtDepth()
        {
            CurrentName = _depth < _lastAtDepth.Count ? _lastAtDepth[_depth] : [];
            Current = new XmlNameGuess(CurrentName);
        }
    }

    private readonly struct GeneralRecorder(bool skipOddNames) : IXmlElementHandler
    {
        public List<string> Output { get; } = [];

        public bool OnStartElement(ref XmlTokenReader reader)
        {
            var attributes = new List<string>();
            for (var i = 0; i < reader.AttributeCount; i++)
            {
                attributes.Add(Attribute(reader.GetAttribute(i)));
            }
            Output.Add(Start(ref reader, attributes));
            return !(skipOddNames && XmlPushDump.OddNames(reader.LocalName));
        }

        public void OnEndElement(ref XmlTokenReader reader) => Output.Add("end-element");

        public void OnText(ref XmlTokenReader reader) => Output.Add(Text(reader.Value));

        public void OnOther(ref XmlTokenReader reader)
        {
        }
    }
}
