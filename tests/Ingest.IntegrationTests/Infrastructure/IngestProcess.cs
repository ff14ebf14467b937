using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ingest.IntegrationTests.Infrastructure;

/// <summary>The `ingest` CLI as a child process, so tests can SIGTERM it, kill -9 it and restart it.</summary>
internal sealed class IngestProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private IngestProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static string CliPath
    {
        get
        {
            var path = Path.Combine(LocalServices.RepositoryRoot, "src", "Ingest.Cli", "bin", "Release", "net10.0", "ingest.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: build the solution in Release first");
        }
    }

    public string Output => string.Join('\n', _output);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static IngestProcess Start(string database, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = LocalServices.RepositoryRoot,
        };
        psi.ArgumentList.Add(CliPath);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["ClickHouse__ConnectionString"] = LocalServices.ClickHouseConnectionString;
        psi.Environment["ClickHouse__Database"] = database;
        psi.Environment["Kafka__BootstrapServers"] = LocalServices.KafkaBootstrap;
        // Wherever the broker wrote it: the worker then knows the dev broker ("auto" group protocol).
        psi.Environment["Kafka__BootstrapFile"] = Path.GetFullPath(LocalServices.KafkaBootstrapFile);
        psi.Environment["Logging__LogLevel__Default"] = "Information";
        return new IngestProcess(Process.Start(psi)!);
    }

    /// <summary>Runs to completion and returns the exit code; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string database, TimeSpan timeout, params string[] args)
    {
        using var p = Start(database, args);
        await p.WaitAsync(timeout);
        return (p.ExitCode, p.Output);
    }

    public async Task WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"ingest did not exit within {timeout}; output:\n{Output}");
        }
    }

    public void Terminate() => Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
