using Ingest.Core.Reference;

namespace Ingest.Generator.Output;

/// <summary>JSON lines of reference records appended to a block buffer (<see cref="RecordLines"/>).</summary>
internal static class ReferenceLines
{
    public static Range A1s(IEnumerable<A1Certificate> records, BlockBuffer output)
    {
        var start = output.WrittenCount;
        foreach (var r in records)
        {
            RecordLines.Write(output, r);
        }
        return new Range(start, output.WrittenCount);
    }

    public static Range Declarations(IEnumerable<PostingDeclaration> records, BlockBuffer output)
    {
        var start = output.WrittenCount;
        foreach (var r in records)
        {
            RecordLines.Write(output, r);
        }
        return new Range(start, output.WrittenCount);
    }
}
