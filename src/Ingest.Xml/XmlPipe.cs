using System.Buffers;
using System.IO.Pipelines;

namespace Ingest.Xml;

/// <summary>Drives the tokenizer from a <see cref="PipeReader"/>: memory stays bounded by the largest token, not the document.</summary>
public static class XmlPipe
{
    /// <summary>Reads the whole document, pushing every token to <paramref name="handler"/>; throws <see cref="XmlParseException"/> on rejection.</summary>
    public static async ValueTask<XmlReaderState> ReadAllAsync<THandler>(PipeReader pipe, XmlReaderState state, THandler handler, CancellationToken cancellationToken = default)
        where THandler : IXmlTokenHandler
    {
        ArgumentNullException.ThrowIfNull(pipe);
        while (true)
        {
            var result = await pipe.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var consumed = buffer.Start;
            bool final = result.IsCompleted;
            try
            {
                state = Process(buffer, final, state, handler, out consumed);
            }
            finally
            {
                // Examined = End: when the reader needs more data, wait for new bytes instead of spinning.
                pipe.AdvanceTo(consumed, buffer.End);
            }
            if (final)
            {
                return state;
            }
        }
    }

    /// <summary>Synchronous driver over a complete or partial buffer (isFinalBlock says which).</summary>
    public static XmlReaderState Process<THandler>(ReadOnlySequence<byte> buffer, bool isFinalBlock, XmlReaderState state, THandler handler, out SequencePosition consumed)
        where THandler : IXmlTokenHandler
    {
        var reader = new XmlTokenReader(buffer, isFinalBlock, state);
        while (reader.Read())
        {
            handler.OnToken(ref reader);
        }
        consumed = reader.Position;
        return reader.CurrentState;
    }

    /// <summary>Reads the whole document, pushing tokens to a struct <paramref name="handler"/> through <see cref="XmlTokenReader.ReadToEnd{THandler}"/>.</summary>
    public static async ValueTask<XmlReaderState> ReadToEndAsync<THandler>(PipeReader pipe, XmlReaderState state, THandler handler, CancellationToken cancellationToken = default)
        where THandler : struct, IXmlElementHandler
    {
        ArgumentNullException.ThrowIfNull(pipe);
        while (true)
        {
            var result = await pipe.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var consumed = buffer.Start;
            bool final = result.IsCompleted;
            try
            {
                state = ProcessToEnd(buffer, final, state, ref handler, out consumed);
            }
            finally
            {
                pipe.AdvanceTo(consumed, buffer.End);
            }
            if (final)
            {
                return state;
            }
        }
    }

    /// <summary>Synchronous driver of <see cref="XmlTokenReader.ReadToEnd{THandler}"/> over a complete or partial buffer.</summary>
    public static XmlReaderState ProcessToEnd<THandler>(ReadOnlySequence<byte> buffer, bool isFinalBlock, XmlReaderState state, ref THandler handler, out SequencePosition consumed)
        where THandler : struct, IXmlElementHandler
    {
        var reader = new XmlTokenReader(buffer, isFinalBlock, state);
        reader.ReadToEnd(ref handler);
        consumed = reader.Position;
        return reader.CurrentState;
    }
}
