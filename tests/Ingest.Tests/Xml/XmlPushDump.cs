using System.Buffers;
using Ingest.Xml;

namespace Ingest.Tests.Xml;

/// <summary>
/// Renders what <see cref="XmlTokenReader.ReadToEnd{THandler}"/> pushes, in <see cref="XmlTokenDump"/>'s format,
/// and the reference it must equal: the pull reader, minus the content of the elements a rule refuses.
/// </summary>
internal static class XmlPushDump
{
    /// <summary>Refuses (skips) elements whose local name has an odd length; null refuses none.</summary>
    public static readonly Func<ReadOnlySpan<byte>, bool> OddNames = static name => name.Length % 2 == 1;

    public static List<string> Push(ReadOnlySequence<byte> data, bool skipOddNames = false)
    {
        var handler = new Recorder(skipOddNames);
        try
        {
            var reader = new XmlTokenReader(data, isFinalBlock: true, new XmlReaderState());
            reader.ReadToEnd(ref handler);
            handler.Output.Add($"end consumed={reader.BytesConsumed}");
        }
        catch (XmlParseException e)
        {
            handler.Output.Add(XmlTokenDump.Describe(e));
        }
        return handler.Output;
    }

    /// <summary>Feeds the bytes in increments ending at <paramref name="arrivals"/>, resuming from the state each time (pipe style).</summary>
    public static List<string> PushIncremental(byte[] data, IReadOnlyList<int> arrivals, bool skipOddNames = false)
    {
        var handler = new Recorder(skipOddNames);
        var state = new XmlReaderState();
        try
        {
            foreach (var arrived in arrivals.Where(a => a > 0 && a < data.Length).Distinct().Order().Append(data.Length))
            {
                var consumed = (int)state.BytesConsumed;
                var final = arrived == data.Length;
                var reader = new XmlTokenReader(new ReadOnlySequence<byte>(data, consumed, arrived - consumed), final, state);
                reader.ReadToEnd(ref handler);
                state = reader.CurrentState;
                if (final)
                {
                    handler.Output.Add($"end consumed={reader.BytesConsumed}");
                }
            }
        }
        catch (XmlParseException e)
        {
            handler.Output.Add(XmlTokenDump.Describe(e));
        }
        return handler.Output;
    }

    /// <summary>The pull reader's tokens; with <paramref name="skipOddNames"/>, a refused element keeps its start and end tags only.</summary>
    public static List<string> Reference(ReadOnlySequence<byte> data, bool skipOddNames = false)
    {
        var output = new List<string>();
        var skipBelow = -1;
        try
        {
            var reader = new XmlTokenReader(data, isFinalBlock: true, new XmlReaderState());
            while (reader.Read())
            {
                if (skipBelow >= 0)
                {
                    if (reader.TokenType == XmlTokenType.EndElement && reader.Depth == skipBelow)
                    {
                        skipBelow = -1;
                        output.Add(XmlTokenDump.Describe(ref reader));
                    }
                    continue;
                }
                output.Add(XmlTokenDump.Describe(ref reader));
                if (skipOddNames && reader.TokenType == XmlTokenType.StartElement && OddNames(reader.LocalName))
                {
                    skipBelow = reader.Depth;
                }
            }
            output.Add($"end consumed={reader.BytesConsumed}");
        }
        catch (XmlParseException e)
        {
            output.Add(XmlTokenDump.Describe(e));
        }
        return output;
    }

    private readonly struct Recorder(bool skipOddNames) : IXmlElementHandler
    {
        public List<string> Output { get; } = [];

        public bool OnStartElement(ref XmlTokenReader reader)
        {
            Output.Add(XmlTokenDump.Describe(ref reader));
            return !(skipOddNames && OddNames(reader.LocalName));
        }

        public void OnEndElement(ref XmlTokenReader reader) => Output.Add(XmlTokenDump.Describe(ref reader));

        public void OnText(ref XmlTokenReader reader) => Output.Add(XmlTokenDump.Describe(ref reader));

        public void OnOther(ref XmlTokenReader reader) => Output.Add(XmlTokenDump.Describe(ref reader));
    }
}
