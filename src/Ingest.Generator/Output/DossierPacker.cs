using System.Runtime.CompilerServices;

namespace Ingest.Generator.Output;

/// <summary>Serialises dossiers (truth and reference JSON lines, deflated entries) into a block buffer.</summary>
internal sealed class DossierPacker(OutputLayout layout)
{
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
            var truthStart = output.WrittenCount;
            RecordLines.Write(output, sed.Truth);
            seds[i] = new PackedSed(sed.Day, sed.EntryName, sed.Truth, sed.Bytes.Length, xml, new Range(truthStart, output.WrittenCount), entry, crc);
        }
        var a1s = ReferenceLines.A1s(dossier.A1s, output);
        var declarations = ReferenceLines.Declarations(dossier.Declarations, output);
        return new PackedDossier(index, dossier.Budget, a1s, declarations, seds);
    }
}
