using System.Runtime.CompilerServices;
using System.Text.Json;
using Ingest.Generator.Truth;

namespace Ingest.Generator.Output;

/// <summary>Serialises dossiers (truth and reference JSON lines, deflated entries) into a block buffer; one instance per thread.</summary>
internal sealed class DossierPacker(OutputLayout layout)
{
    private readonly ReferenceLines _reference = new();
    private Utf8JsonWriter? _writer;

    public ReferenceLines Reference => _reference;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PackedDossier Pack(long index, GeneratedDossier dossier, BlockBuffer output)
    {
        var seds = new PackedSed[dossier.Seds.Count];
        for (var i = 0; i < seds.Length; i++)
        {
            var sed = dossier.Seds[i];
            var entry = default(Range);
            var crc = 0u;
            if ((layout & OutputLayout.Zip) != 0)
            {
                var at = output.WrittenCount;
                (var length, crc) = EntryDeflater.Deflate(sed.Bytes, output);
                entry = new Range(at, at + length);
            }
            var xml = (layout & (OutputLayout.Files | OutputLayout.Frames)) != 0 ? sed.Bytes : null;
            seds[i] = new PackedSed(sed.Day, sed.EntryName, sed.Truth, sed.Bytes.Length, xml, TruthLine(sed.Truth, output), entry, crc);
        }
        var a1s = _reference.A1s(dossier.A1s, output);
        var declarations = _reference.Declarations(dossier.Declarations, output);
        return new PackedDossier(index, dossier.Budget, a1s, declarations, seds);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Range TruthLine(TruthRecord truth, BlockBuffer output)
    {
        var start = output.WrittenCount;
        var writer = _writer ??= new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        writer.Reset(output);
        TruthJsonl.Write(writer, truth);
        writer.Flush();
        output.GetSpan(1)[0] = (byte)'\n';
        output.Advance(1);
        return new Range(start, output.WrittenCount);
    }
}
