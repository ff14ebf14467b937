using System.Text;
using Ingest.Xml;
using Ingest.Xml.Fast;

namespace Ingest.Tests.Xml;

/// <summary>A guessed name only saves the fast reader its name scan: it never changes what is accepted or pushed.</summary>
public sealed class XmlNameGuessTests
{
    [Theory]
    [InlineData("a", 1, 0)]
    [InlineData("familyName", 10, 0)]
    [InlineData("sbdh:Scope", 10, 4)]
    [InlineData("a123456789012345678901234567890", 31, 0)]
    public void Ascii_qualified_names_of_up_to_31_bytes_are_guesses(string name, int length, int prefixLength)
    {
        var guess = new XmlNameGuess(Encoding.UTF8.GetBytes(name));
        Assert.Equal((length, prefixLength), (guess.Length, guess.PrefixLength));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1a")]
    [InlineData("-a")]
    [InlineData(":a")]
    [InlineData("a:")]
    [InlineData("a:b:c")]
    [InlineData("a b")]
    [InlineData("a>")]
    [InlineData("é")]
    [InlineData("a1234567890123456789012345678901")]
    public void Anything_else_guesses_nothing(string name) =>
        Assert.Equal(0, new XmlNameGuess(Encoding.UTF8.GetBytes(name)).Length);

    [Theory]
    // Guessed right: the element is reported through the guessed callback.
    [InlineData("<r><item>1</item></r>", "item", "item:guessed,end,end")]
    // A longer name, attributes, an empty tag, whitespace before '>': the name is scanned as usual.
    [InlineData("<r><items>1</items></r>", "item", "items,end,end")]
    [InlineData("<r><item a=\"1\">1</item></r>", "item", "item,end,end")]
    [InlineData("<r><item/></r>", "item", "item,end,end")]
    [InlineData("<r><item >1</item></r>", "item", "item,end,end")]
    // A prefixed guess whose prefix the document declares; the same bytes with the prefix undeclared are still refused.
    [InlineData("<r xmlns:p=\"u\"><p:item>1</p:item></r>", "p:item", "item:guessed,end,end")]
    [InlineData("<r><p:item>1</p:item></r>", "p:item", "refused")]
    public void The_reader_takes_a_guess_only_where_its_scan_would_find_the_same_tag(string body, string guess, string expected)
    {
        // Padding after the root keeps 32 readable bytes behind every tag, as in real documents.
        var doc = Encoding.UTF8.GetBytes(body + new string(' ', 40));
        var handler = new Guessing(new XmlNameGuess(Encoding.UTF8.GetBytes(guess)));
        var reader = new XmlFastReader(doc, XmlReaderOptions.Default, new XmlFastScratch());
        var accepted = reader.TryReadToEnd(ref handler);
        // The root element is never guessed: the guess is armed after it.
        Assert.Equal(expected, accepted ? string.Join(",", handler.Events.Skip(1)) : "refused");
    }

    private sealed class Events : List<string>
    {
        public XmlNameGuess Armed;
    }

    private readonly struct Guessing(XmlNameGuess guess) : IXmlFastHandler
    {
        private readonly Events _events = [];

        public List<string> Events => _events;

        public ref readonly XmlNameGuess NextName => ref _events.Armed;

        public bool OnStartElement(ref XmlFastReader tag)
        {
            _events.Add(Encoding.UTF8.GetString(tag.LocalName));
            _events.Armed = guess;
            return true;
        }

        public bool OnGuessedStartElement(ref XmlFastReader tag)
        {
            _events.Add(Encoding.UTF8.GetString(tag.LocalName) + ":guessed");
            return true;
        }

        public void OnEndElement() => _events.Add("end");

        public void OnText(ReadOnlySpan<byte> text, bool isAscii)
        {
        }
    }
}
