using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Matching.Linking;

namespace Ingest.Tests.Matching;

/// <summary>The history's set of SED versions answers as a set of (case, document, version) tuples does, through its growth.</summary>
public class VersionSetTests
{
    [Property(MaxTest = 200)]
    public Property Answers_as_a_set_of_tuples()
    {
        // Narrow ranges so that additions repeat and lookups hit; a set made for 4 grows many times.
        var identity = Gen.Choose(0, 40).Zip(Gen.Choose(0, 60)).Zip(Gen.Choose(0, 3))
            .Select(t => (Case: t.Item1.Item1, Document: t.Item1.Item2, Version: t.Item2));
        var steps = identity.Zip(Gen.Elements(true, false)).ListOf().ToArbitrary();
        return Prop.ForAll(steps, list =>
        {
            var set = new VersionSet(expected: 4);
            var model = new HashSet<(int, int, int)>();
            foreach (var ((c, d, v), add) in list)
            {
                if (add)
                {
                    Assert.Equal(model.Add((c, d, v)), set.Add(c, d, v));
                }
                else
                {
                    Assert.Equal(model.Contains((c, d, v)), set.Contains(c, d, v));
                }
            }
            Assert.Equal(model.Count, set.Count);
            Assert.All(model, t => Assert.True(set.Contains(t.Item1, t.Item2, t.Item3)));
        });
    }

    [Fact]
    public void Holds_a_year_of_versions()
    {
        var set = new VersionSet(expected: 1000);
        for (var i = 0; i < 300_000; i++)
        {
            Assert.True(set.Add(i / 3, i, 1 + (i % 2)));
        }
        Assert.Equal(300_000, set.Count);
        Assert.True(set.Contains(100, 300, 1));
        Assert.False(set.Contains(100, 300, 2));
        Assert.False(set.Add(100, 300, 1));
    }

    [Fact]
    public void Keeps_the_unit_a_version_was_first_added_with()
    {
        var set = new VersionSet(expected: 4);
        for (var i = 0; i < 100; i++)
        {
            set.Add(i, i + 1, 1, unit: i * 7);
        }
        Assert.False(set.Add(5, 6, 1, unit: 999));
        Assert.True(set.TryGetUnit(5, 6, 1, out var unit));
        Assert.Equal(35, unit);
        Assert.False(set.TryGetUnit(5, 6, 2, out _));
    }
}
