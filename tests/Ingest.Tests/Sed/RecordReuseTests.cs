using System.Collections;
using System.Reflection;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Core.Seds;
using Ingest.Core.Units;
using Ingest.Sed;

namespace Ingest.Tests.Sed;

/// <summary>
/// Parsing into a recycled record (<see cref="SedParser.Parse(InputUnit, SedRecord?)"/>): nothing of the
/// previous document survives, and the document allocates nothing but the strings it makes.
/// </summary>
public sealed class RecordReuseTests
{
    private static string SamplesFolder => Path.Combine(Xml.SamplePaths.Samples, "valid");

    private static ParseOutcome Parse(SedParser parser, byte[] bytes, SedRecord? reuse)
    {
        using var unit = new InputUnit(new UnitId("reuse.xml", null, 0), bytes);
        return parser.Parse(unit, reuse);
    }

    [Fact]
    public void Every_sample_parsed_into_a_record_that_held_another_equals_it_parsed_afresh()
    {
        var parser = new SedParser();
        var samples = Directory.GetFiles(SamplesFolder, "*.xml").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        Assert.True(samples.Length >= 10);
        foreach (var first in samples)
        {
            foreach (var second in samples)
            {
                var record = Parse(parser, first, null).Sed!;
                var reused = Parse(parser, second, record);
                Assert.Same(record, reused.Sed);
                Assert.Equal(SedTestParsing.Json(Parse(parser, second, null).Sed!), SedTestParsing.Json(reused.Sed!));
            }
        }
    }

    [Property(MaxTest = 200)]
    public Property Random_records_in_sequence_into_one_record_round_trip() =>
        Prop.ForAll(Gen.Choose(2, 6).SelectMany(n => Gen.ArrayOf(RandomSedRecord.Enveloped(maxStep: 1), n)).ToArbitrary(), inputs =>
        {
            var parser = new SedParser();
            SedRecord? record = null;
            foreach (var (truth, bytes, _) in inputs)
            {
                record = Parse(parser, bytes, record).Sed!;
                Assert.Equal(SedTestParsing.Json(truth), SedTestParsing.Json(record));
            }
        });

    [Fact]
    public void A_malformed_document_leaves_the_record_reusable()
    {
        var parser = new SedParser();
        var good = File.ReadAllBytes(Path.Combine(SamplesFolder, "A001-4.4-sbdh.xml"));
        var record = Parse(parser, good, null).Sed!;
        var bad = Parse(parser, good[..(good.Length / 2)], record);
        Assert.Equal(ParseOutcomeKind.Malformed, bad.Kind);
        Assert.Equal(SedTestParsing.Json(Parse(parser, good, null).Sed!), SedTestParsing.Json(Parse(parser, good, record).Sed!));
    }

    /// <summary>
    /// Every property of every object a record holds is filled, then the record is recycled: it must read
    /// like a new record. A property added to the model and forgotten by the recycler fails here.
    /// </summary>
    [Fact]
    public void The_recycler_clears_every_property_of_the_model()
    {
        var record = new SedRecord();
        Fill(record, depth: 0);
        Assert.NotEqual(SedTestParsing.Json(new SedRecord()), SedTestParsing.Json(record));
        var recycled = new SedRecordRecycler().Recycle(record);
        Assert.Equal(SedTestParsing.Json(new SedRecord()), SedTestParsing.Json(recycled));
    }

    /// <summary>A record that held a hostile document's thousand PINs does not keep their arrays, nor a thousand spares.</summary>
    [Fact]
    public void A_recycled_record_keeps_no_large_arrays()
    {
        var record = new SedRecord();
        for (var i = 0; i < 1_000; i++)
        {
            record.Person.Pins.Add(new PinEntry { Number = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            record.Person.Nationalities.Add("FR");
        }
        var old = new HashSet<object>(record.Person.Pins, ReferenceEqualityComparer.Instance);
        var recycler = new SedRecordRecycler();
        recycler.Recycle(record);
        Assert.True(record.Person.Pins.Capacity <= 16 && record.Person.Nationalities.Capacity <= 16);
        var reused = Enumerable.Range(0, 1_000).Count(_ => old.Contains(recycler.Pin()));
        Assert.InRange(reused, 1, 16);
    }

    /// <summary>
    /// The allocation target, exactly: the bytes a document allocates when parsed into a recycled
    /// record equal the sizes of the strings the parser made that did not exist before (interned codes and
    /// recurring values are old objects and cost nothing; the other values stay UTF-8 in the record's value
    /// bytes until read). The values are not read before the count, which would make their strings.
    /// </summary>
    [Theory]
    [InlineData("A001-4.4-sbdh.xml")]
    [InlineData("A003-4.4.xml")]
    [InlineData("A009-4.3-sbdh.xml")]
    [InlineData("X008-4.4-sbdh.xml")]
    public void A_document_parsed_into_a_recycled_record_allocates_only_the_strings_it_keeps(string sample)
    {
        var parser = new SedParser();
        var bytes = File.ReadAllBytes(Path.Combine(SamplesFolder, sample));
        using var unit = new InputUnit(new UnitId("reuse.xml", null, 0), bytes);
        var record = parser.Parse(unit, null).Sed!;
        for (var warm = 0; warm < 3; warm++)
        {
            record = parser.Parse(unit, record).Sed!;
        }
        var before = new HashSet<object>(MadeStrings(record), ReferenceEqualityComparer.Instance);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        record = parser.Parse(unit, record).Sed!;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var made = MadeStrings(record).Distinct(ReferenceEqualityComparer.Instance).Cast<string>().Where(s => !before.Contains(s)).Sum(StringBytes);
        Assert.Equal(made, allocated);
        Assert.True(record.ValueBytes!.Length > 0, "no value was kept as bytes");
        Assert.Equal(SedTestParsing.Json(parser.Parse(unit, null).Sed!), SedTestParsing.Json(record));
    }

    private static long StringBytes(string s) => Math.Max(24, (22 + (2L * s.Length) + 7) & ~7L);

    /// <summary>Every string a record holds without reading a value that is still bytes.</summary>
    private static IEnumerable<string> MadeStrings(object node)
    {
        foreach (var field in node.GetType().GetFields(BindingFlags.NonPublic | BindingFlags.Instance).Where(f => f.FieldType == typeof(SedText)))
        {
            if (((SedText)field.GetValue(node)!).StringIfMade is { } s)
            {
                yield return s;
            }
        }
        foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (node.GetType().GetField(property.Name + "Text", BindingFlags.NonPublic | BindingFlags.Instance) is not null)
            {
                continue;
            }
            switch (property.GetValue(node))
            {
                case string s:
                    yield return s;
                    break;
                case IEnumerable list:
                    foreach (var item in list)
                    {
                        foreach (var s in item is string text ? [text] : MadeStrings(item))
                        {
                            yield return s;
                        }
                    }
                    break;
                case { } child when child.GetType().Namespace == typeof(SedRecord).Namespace && !child.GetType().IsEnum:
                    foreach (var s in MadeStrings(child))
                    {
                        yield return s;
                    }
                    break;
            }
        }
    }

    private static void Fill(object node, int depth)
    {
        foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var type = property.PropertyType;
            if (type == typeof(string))
            {
                property.SetValue(node, "x" + property.Name);
            }
            else if (type == typeof(int))
            {
                property.SetValue(node, 7);
            }
            else if (type.IsEnum)
            {
                property.SetValue(node, Enum.GetValues(type).GetValue(1));
            }
            else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
            {
                var list = (IList)property.GetValue(node)!;
                var element = type.GetGenericArguments()[0];
                var item = element == typeof(string) ? "x" : Activator.CreateInstance(element)!;
                if (item is not string)
                {
                    Fill(item, depth + 1);
                }
                list.Add(item);
            }
            else if (type.IsClass && type.Namespace == typeof(SedRecord).Namespace && depth < 4)
            {
                var child = property.GetValue(node) ?? Activator.CreateInstance(type)!;
                Fill(child, depth + 1);
                if (property.CanWrite)
                {
                    property.SetValue(node, child);
                }
            }
        }
    }
}
