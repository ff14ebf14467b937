using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Core.Units;

namespace Ingest.Tests.Sed;

/// <summary>Every field written (truth) is parsed back identically, for every SED type and CDM version, bare and enveloped.</summary>
public sealed class SedRoundTripTests
{
    public static TheoryData<string, string> TypeVersions()
    {
        var data = new TheoryData<string, string>();
        foreach (var t in RandomSedRecord.Types)
        {
            foreach (var v in RandomSedRecord.Versions)
            {
                data.Add(t, v);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TypeVersions))]
    public void Random_records_of_each_type_and_version_round_trip(string type, string version)
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var truth = RandomSedRecord.Create(seed, type, version, envelope: seed % 2 == 0);
            var xml = SedTestWriter.Write(truth, envelope: seed % 2 == 0);
            var outcome = SedTestParsing.Parse(xml);
            Assert.True(outcome.Kind == ParseOutcomeKind.Sed, $"{outcome.Error?.ErrorCode}: {outcome.Error?.Message}\n{xml}");
            Assert.Equal(SedTestParsing.Json(truth), SedTestParsing.Json(outcome.Sed!));
        }
    }

    [Property(MaxTest = 100)]
    public Property Round_trip_survives_any_segmentation() =>
        Prop.ForAll(RandomSedRecord.Enveloped(maxStep: 64).ToArbitrary(), input =>
        {
            var cuts = Enumerable.Range(1, input.Bytes.Length / input.Step).Select(k => k * input.Step).Where(c => c < input.Bytes.Length).ToArray();
            using var unit = new InputUnit(new UnitId("t", null, 0), Xml.TestSegment.Split(input.Bytes, cuts));
            var outcome = new Ingest.Sed.SedParser().Parse(unit);
            Assert.Equal(SedTestParsing.Json(input.Truth), SedTestParsing.Json(outcome.Sed!));
        });
}
