using Ingest.Core.Collections;

namespace Ingest.Tests.Collections;

public class SingleStringArraysTests
{
    [Fact]
    public void Equal_values_share_one_array_holding_the_value()
    {
        var arrays = new SingleStringArrays(8);
        var a = arrays.Of("FR");
        var b = arrays.Of(new string(['F', 'R']));
        Assert.Same(a, b);
        Assert.Equal(["FR"], a);
        Assert.NotSame(a, arrays.Of("BE"));
    }

    [Fact]
    public void Past_the_bound_values_get_their_own_correct_array()
    {
        var arrays = new SingleStringArrays(3);
        for (var i = 0; i < 3; i++)
        {
            arrays.Of("v" + i);
        }
        Assert.Same(arrays.Of("v0"), arrays.Of("v0"));
        Assert.Equal(["late"], arrays.Of("late"));
        Assert.NotSame(arrays.Of("late"), arrays.Of("late"));
    }
}
