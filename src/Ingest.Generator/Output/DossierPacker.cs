using System.Buffers;
using System.Text.Json;
using Ingest.Core.Reference;
using Ingest.Generator.Truth;

namespace Ingest.Generator.Output;

/// <summary>Serialises dossiers (truth and reference JSON lines, deflated entries); one instance per thread.</summary>
internal sealed class DossierPacker(OutputLayout layout)
{
    private readonly ArrayBufferWriter<byte> _json = new(4096);
    private readonly MemoryStream _reference = new(4096);
    private Utf8JsonWriter? _writer;

    public PackedDossier Pack(long index, GeneratedDossier dossier)
    {
        var seds = new PackedSed[dossier.Seds.Count];
        for (var i = 0; i < seds.Length; i++)
        {
            var sed = dossier.Seds[i];
            var entry = (layout & OutputLayout.Zip) != 0 ? EntryDeflater.Deflate(sed.Bytes) : (DeflatedEntry?)null;
            seds[i] = new PackedSed(sed, TruthLine(sed.Truth), entry);
        }
        return new PackedDossier(index, dossier, Lines(dossier.A1s), Lines(dossier.Declarations), seds);
    }

    public byte[] TruthLine(TruthRecord truth)
    {
        _json.ResetWrittenCount();
        var writer = _writer ??= new Utf8JsonWriter(_json, new JsonWriterOptions { SkipValidation = true });
        writer.Reset(_json);
        TruthJsonl.Write(writer, truth);
        writer.Flush();
        _json.GetSpan(1)[0] = (byte)'\n';
        _json.Advance(1);
        return _json.WrittenSpan.ToArray();
    }

    public byte[] Lines<T>(IEnumerable<T> records)
    {
        _reference.SetLength(0);
        foreach (var r in records)
        {
            ReferenceJsonl.Write(_reference, r);
        }
        return _reference.ToArray();
    }
}
