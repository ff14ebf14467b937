using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Core.Reference;
using Ingest.Core.Reference.Reading;

namespace Ingest.Tests.Reference;

/// <summary>However the file is cut into ranges and buffers, every record comes back once, in file order.</summary>
public sealed class ReferenceFileLoaderTests
{
    [Property(MaxTest = 60)]
    public Property Any_range_and_buffer_size_gives_the_records_in_file_order() =>
        Prop.ForAll(
            (from declarations in Gen.ListOf(ReferenceGenerators.Declarations).Select(l => l.ToArray())
             from rangeBytes in Gen.Choose(1, 4000)
             from bufferBytes in Gen.Elements(16, 64, 256, 4096)
             from newline in Gen.Elements("\n", "\r\n")
             select (declarations, rangeBytes, bufferBytes, newline)).ToArbitrary(),
            input =>
            {
                var (declarations, rangeBytes, bufferBytes, newline) = input;
                var path = Path.GetTempFileName();
                try
                {
                    var lines = declarations.Select(d => Line(d)).ToList();
                    // Blank lines are allowed anywhere; the last line may lack its newline.
                    File.WriteAllText(path, string.Join(newline, lines.SelectMany((l, i) => i % 3 == 1 ? new[] { l, "" } : [l])));
                    var loaded = ReferenceFileLoader.Load(path, static (r, line) => r.ReadDeclaration(line), rangeBytes, bufferBytes);
                    Assert.Equal(lines, loaded.Select(d => Line(d)).ToList());
                }
                finally
                {
                    File.Delete(path);
                }
            });

    [Fact]
    public void A_bad_line_is_named_by_line_number_and_byte_offset()
    {
        var path = Path.GetTempFileName();
        try
        {
            var good = Line(new A1Certificate
            {
                DocumentNumber = "A", SecurityCode = "S", Issuer = "FR:X", IssuedOn = "2025-01-01", FamilyName = "N", Forename = "F",
                DateBirth = "1980-01-01", LegislationState = "FR", Article = "12.1", Start = "2025-01-01", Status = "issued",
            });
            var content = string.Join("\n", Enumerable.Repeat(good, 50)) + "\n{\"documentNumber\": 3}\n" + good + "\n";
            File.WriteAllText(path, content);
            var e = Assert.Throws<InvalidDataException>(() => ReferenceFileLoader.Load(path, static (r, line) => r.ReadA1(line), 100, 64));
            Assert.StartsWith($"{path}:51 (byte {(good.Length + 1) * 50}): expected a string", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_empty_file_has_no_records()
    {
        var path = Path.GetTempFileName();
        try
        {
            Assert.Empty(ReferenceJsonl.ReadA1(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Line<T>(T record) => Encoding.UTF8.GetString(ReferenceGenerators.JsonLine(record));
}
