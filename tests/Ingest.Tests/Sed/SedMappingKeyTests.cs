using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Sed;
using Ingest.Sed.Mapping;

namespace Ingest.Tests.Sed;

/// <summary>Name keys, the field maps' sibling guesses and the value interning never change an answer, only its cost.</summary>
public sealed class SedMappingKeyTests
{
    private static Gen<byte[]> Name(int maxLength) =>
        from length in Gen.Choose(1, maxLength)
        from bytes in Gen.ArrayOf(Gen.Elements("abAB01._-é"u8.ToArray()), length)
        select bytes;

    [Property(MaxTest = 1000)]
    public Property Name_keys_decide_equality_up_to_16_bytes_and_long_names_compare_in_full() =>
        Prop.ForAll(
            (from a in Name(40)
             from flip in Gen.Choose(-1, a.Length - 1)
             from other in Gen.Elements("abAB01._-"u8.ToArray())
             select (a, b: flip < 0 ? a.ToArray() : a.Select((x, i) => i == flip ? other : x).ToArray())).ToArbitrary(),
            input =>
            {
                var equal = input.a.AsSpan().SequenceEqual(input.b);
                if (input.a.Length <= NameKey.ExactLength)
                {
                    Assert.Equal(equal, new NameKey(input.a).Equals(new NameKey(input.b)));
                }
                Assert.Equal(equal, NameKey.LongEquals(input.a, input.b));
            });

    [Property(MaxTest = 300)]
    public Property Child_lookups_give_the_edge_tables_answer_whatever_order_elements_come_in() =>
        Prop.ForAll(
            (from type in Gen.Elements(SedFieldMaps.KnownTypes.ToArray())
             from version in Gen.Elements(CdmVersion.V42, CdmVersion.V43, CdmVersion.V44)
             from picks in Gen.ArrayOf(Gen.Choose(0, 1000), 60)
             select (type, version, picks)).ToArbitrary(),
            input =>
            {
                var trie = SedFieldMaps.For(input.type, input.version)!;
                // Walk random paths: at each node pick a known child name (or an unknown one), in any order,
                // passing the previous child found under the same parent as the mapper does.
                var names = AllNames(trie);
                var node = SedPathTrie.Root;
                var previous = 0;
                foreach (var pick in input.picks)
                {
                    var name = pick % 7 == 0 ? "unknownElement"u8.ToArray() : names[pick % names.Count];
                    var expected = trie.Child(node, name);
                    Assert.Equal(expected, trie.Child(node, previous, name));
                    if (expected > 0)
                    {
                        if (pick % 3 == 0)
                        {
                            (node, previous) = (expected, 0);
                        }
                        else
                        {
                            previous = expected;
                        }
                    }
                    if (pick % 11 == 0)
                    {
                        (node, previous) = (SedPathTrie.Root, 0);
                    }
                }
            });

    [Property(MaxTest = 500)]
    public Property Interned_values_equal_the_decoded_bytes() =>
        Prop.ForAll(
            (from kind in Gen.Elements(SedValueKind.Code, SedValueKind.Recurring, SedValueKind.Distinct)
             from values in Gen.ArrayOf(Name(70), 30)
             from repeats in Gen.ArrayOf(Gen.Choose(0, 29), 30)
             select (kind, values, repeats)).ToArbitrary(),
            input =>
            {
                var cache = new ValueCache();
                // Values come back several times, and near-twins (same length, head and tail) collide in the table.
                foreach (var r in input.repeats)
                {
                    var bytes = input.values[r];
                    var twin = bytes.Length > 17 ? bytes.Select((b, i) => i == 8 ? (byte)(b ^ 1) : b).ToArray() : bytes;
                    foreach (var v in (byte[][])[bytes, twin, bytes])
                    {
                        var ascii = System.Text.Ascii.IsValid(v);
                        Assert.Equal(Encoding.UTF8.GetString(v), cache.Get(v, input.kind, ascii));
                    }
                }
            });

    [Fact]
    public void A_recurring_ascii_value_is_one_string_instance_and_a_distinct_one_is_not()
    {
        var cache = new ValueCache();
        var town = "Sankt Johann im Pongau"u8;
        Assert.Same(cache.Get(town, SedValueKind.Recurring, true), cache.Get(town, SedValueKind.Recurring, true));
        Assert.NotSame(cache.Get(town, SedValueKind.Distinct, true), cache.Get(town, SedValueKind.Distinct, true));
        Assert.Same(cache.Get("IT"u8, SedValueKind.Code, true), cache.Get("IT"u8, SedValueKind.Code, true));
    }

    private static List<byte[]> AllNames(SedPathTrie trie) =>
        trie.Names.Select(Encoding.UTF8.GetString).Distinct().Select(Encoding.UTF8.GetBytes).ToList();
}
