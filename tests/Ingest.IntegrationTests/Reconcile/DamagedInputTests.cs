using Ingest.IntegrationTests.Infrastructure;

namespace Ingest.IntegrationTests.Reconcile;

/// <summary>The nightly job through the CLI when part of a delivery, or the register, is damaged.</summary>
public sealed class DamagedInputTests
{
    private static string Valid => Path.Combine(LocalServices.RepositoryRoot, "samples", "valid");

    [Fact]
    public async Task A_file_that_is_no_archive_is_one_quarantined_unit_and_the_run_completes()
    {
        var input = Directory.CreateTempSubdirectory("ingest-it-damaged-").FullName;
        try
        {
            var seds = Directory.GetFiles(Valid, "*.xml");
            foreach (var file in seds)
            {
                File.Copy(file, Path.Combine(input, Path.GetFileName(file)));
            }
            await File.WriteAllTextAsync(Path.Combine(input, "delivery.zip"), "<A009>not an archive</A009>");

            var (exit, output) = await IngestProcess.RunAsync("unused", TimeSpan.FromMinutes(2), "reconcile", "--input", input, "--dry-run");

            Assert.True(exit == 0, output);
            Assert.Matches($@"units in\s+{seds.Length + 1}\s", output);
            Assert.Matches(@"quarantined\s+1\s+\(0 not SEDs, 1 malformed\)", output);
            Assert.Contains("in = SEDs + quarantined", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(input, recursive: true);
        }
    }

    [Fact]
    public async Task A_damaged_register_stops_the_run_before_any_SED_with_one_line_saying_where()
    {
        var register = Path.Combine(Path.GetTempPath(), $"ingest-it-a1-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(register, "{\"documentNumber\": 12\n");
        try
        {
            var (exit, output) = await IngestProcess.RunAsync("unused", TimeSpan.FromMinutes(2), "reconcile", "--input", Valid, "--a1", register, "--declarations", register, "--dry-run");

            Assert.Equal(1, exit);
            Assert.Contains("the reference data cannot be read, nothing was evaluated", output, StringComparison.Ordinal);
            Assert.Contains($"{register}:1", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(register);
        }
    }

    [Fact]
    public async Task A_mistyped_register_path_is_a_usage_error_not_an_empty_register()
    {
        var (exit, output) = await IngestProcess.RunAsync("unused", TimeSpan.FromMinutes(1), "reconcile", "--input", Valid, "--a1", "/nonexistent/a1.jsonl", "--dry-run");

        Assert.Equal(64, exit);
        Assert.Contains("--a1: no such file: /nonexistent/a1.jsonl", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("parse", "Parser:MaxDepth=abc", "invalid Parser configuration")]
    [InlineData("reconcile", "Pipeline:ChunkUnits=many", "invalid Pipeline configuration")]
    public async Task A_setting_of_the_wrong_type_is_a_usage_error_naming_it(string verb, string setting, string message)
    {
        string[] args = verb == "parse" ? ["parse", Valid, "--status", "--set", setting] : ["reconcile", "--input", Valid, "--dry-run", "--set", setting];
        var (exit, output) = await IngestProcess.RunAsync("unused", TimeSpan.FromMinutes(1), args);

        Assert.Equal(64, exit);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.Contains(setting.Split('=')[0], output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reconcile", "--dryrun")]
    [InlineData("status", "--bogus")]
    [InlineData("query", "--formatt")]
    public async Task An_unknown_option_is_a_usage_error_and_runs_nothing(string verb, string option)
    {
        string[] args = verb switch
        {
            "reconcile" => ["reconcile", "--input", Valid, option],
            "query" => ["query", "run-history", option, "csv"],
            _ => [verb, option],
        };
        var (exit, output) = await IngestProcess.RunAsync("unused", TimeSpan.FromMinutes(1), args);

        Assert.Equal(64, exit);
        Assert.Contains($"unknown option {option}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_in_the_connection_string_is_never_printed()
    {
        var (exit, output) = await IngestProcess.RunAsync("unused", TimeSpan.FromMinutes(2), "reconcile", "--input", Valid,
            "--set", "ClickHouse:ConnectionString=Host=127.0.0.1;Port=1;Username=ingest;Password=s3cret");

        Assert.Equal(1, exit);
        Assert.Contains("ClickHouse is not usable at", output, StringComparison.Ordinal);
        Assert.Contains("Password=***", output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", output, StringComparison.Ordinal);
    }

    /// <summary>A server that takes the connection and never answers: the client's timeout, said in one line.</summary>
    [Fact]
    public async Task A_ClickHouse_that_never_answers_is_one_clear_line_not_a_stack_trace()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;

        var (exit, output) = await IngestProcess.RunAsync("unused", TimeSpan.FromMinutes(3), "reconcile", "--input", Valid,
            "--set", $"ClickHouse:ConnectionString=Host=127.0.0.1;Port={port};Timeout=2");

        Assert.Equal(1, exit);
        Assert.Contains("did not answer", output, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected error", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_truth_file_is_one_line_saying_where()
    {
        var truth = Path.Combine(Path.GetTempPath(), $"ingest-bad-truth-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(truth, "{bad\n");
        try
        {
            var (exit, output) = await IngestProcess.RunAsync("unused", TimeSpan.FromMinutes(2), "evaluate", "--truth", truth, "--corpus", Valid);

            Assert.Equal(1, exit);
            Assert.Contains($"{truth}:1:", output, StringComparison.Ordinal);
            Assert.DoesNotContain("unexpected error", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(truth);
        }
    }
}
