using System.Diagnostics;
using Ingest.Generator.Output;

namespace Ingest.Tests.Generator;

/// <summary>Bare CDM 4.4 SEDs of the types with an official schema validate with xmllint.</summary>
public sealed class XsdValidityTests
{
    private const string XsdFolder = "/work/shared/eessi-xsd";

    [Theory]
    [InlineData("A001", "A001-4.4.0-20241203T114134.xsd")]
    [InlineData("A009", "A009-4.4.1-20250507T153911.xsd")]
    [InlineData("A011", "A011-4.4.0-20241203T114249.xsd")]
    [InlineData("A012", "A012-4.4.0-20241203T114251.xsd")]
    public void Samples_validate_against_the_xsd(string type, string xsd)
    {
        var samples = GeneratorFixture.Clean
            .Where(s => s.Truth.SedType == type && s.Record.CdmVersion == "4.4")
            .Take(60)
            .ToList();
        Assert.True(samples.Count >= 20, $"only {samples.Count} {type} samples");
        // Every shape must be covered: initial, amending and injected A009s alike.
        var dir = Directory.CreateTempSubdirectory("gen-xsd-");
        try
        {
            var files = new List<string>();
            foreach (var s in samples)
            {
                var path = Path.Combine(dir.FullName, s.EntryName);
                File.WriteAllBytes(path, SedXmlWriter.ToBytes(s.Record, envelope: false));
                files.Add(path);
            }
            var psi = new ProcessStartInfo("/usr/bin/xmllint") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in (string[])["--noout", "--nonet", "--schema", Path.Combine(XsdFolder, xsd)])
            {
                psi.ArgumentList.Add(a);
            }
            foreach (var f in files)
            {
                psi.ArgumentList.Add(f);
            }
            using var p = Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, stderr.Length > 3000 ? stderr[..3000] : stderr);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Older_cdm_shapes_are_generated()
    {
        var byCdm = GeneratorFixture.Clean.GroupBy(s => s.Record.CdmVersion).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byCdm.GetValueOrDefault("4.2") > 0 && byCdm.GetValueOrDefault("4.3") > 0);
        var sample42 = GeneratorFixture.Clean.First(s => s.Record.CdmVersion == "4.2" && s.Record.Person.Pins.Count > 0);
        var text = System.Text.Encoding.UTF8.GetString(sample42.Bytes);
        Assert.Contains("http://ec.europa.eu/eessi/ns/4_2/", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PINPersonInEachInstitution", text, StringComparison.Ordinal);
    }
}
