using System.ComponentModel.DataAnnotations;
using Ingest.Worker.Options;

namespace Ingest.Tests.Worker;

/// <summary>The worker validates its "Stream" section at start-up (data annotations): a bad value stops it there, not later.</summary>
public sealed class StreamOptionsValidationTests
{
    private static List<string> Errors(StreamOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.SelectMany(r => r.MemberNames).ToList();
    }

    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(Errors(new StreamOptions()));

    [Fact]
    public void Negative_or_zero_durations_are_refused()
    {
        Assert.Equal(["ExitWhenIdle"], Errors(new StreamOptions { ExitWhenIdle = TimeSpan.FromSeconds(-5) }));
        Assert.Equal(["BatchMaxAge"], Errors(new StreamOptions { BatchMaxAge = TimeSpan.Zero }));
        Assert.Equal(["OutageRetryDelay"], Errors(new StreamOptions { OutageRetryDelay = TimeSpan.FromSeconds(-1) }));
    }

    [Fact]
    public void Zero_idle_time_means_never_and_is_valid() => Assert.Empty(Errors(new StreamOptions { ExitWhenIdle = TimeSpan.Zero }));
}
