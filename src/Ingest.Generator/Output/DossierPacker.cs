using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Ingest.Core.Reference;
using Ingest.Generator.Truth;

namespace Ingest.Generator.Output;

/// <summary>Serialises dossiers (truth and reference JSON lines, deflated entries); one instance per thread.</summary>
internal sealed class DossierPacker(OutputLayout layout)
{
    private readonly ArrayBufferWriter<byte> _json = new(4096);
    private readonly ReferenceLines _reference = new();
    private Utf8JsonWriter? _writer;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PackedDossier Pack(long index, GeneratedDossier dossier)
    {
        var seds = new PackedSed[dossier.Seds.Count];
        for (var i = 0; i < seds.Length; i++)
        {
            var sed = dossier.Seds[i];
            var entry = (layout & OutputLayout.Zip) != 0 ? EntryDeflater.Deflate(sed.Bytes) : (DeflatedEntry?)null;
            var xml = (layout & (OutputLayout.Files | OutputLayout.Frames)) != 0 ? sed.Bytes : null;
            seds[i] = new PackedSed(sed.Day, sed.EntryName, sed.Truth, sed.Bytes.Length, xml, TruthLine(sed.Truth), entry);
        }
        return new PackedDossier(index, dossier.Budget, _reference.A1s(dossier.A1s), _reference.Declarations(dossier.Declarations), seds);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    public ReferenceLines Reference => _reference;
}
