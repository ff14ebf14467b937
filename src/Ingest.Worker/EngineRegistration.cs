using Ingest.Core.Evaluation;
using Ingest.Core.Units;
using Ingest.Matching;
using Ingest.Matching.Indexes;
using Ingest.Pipeline;
using Ingest.Sinks.ClickHouse;
using Ingest.Sinks.ClickHouse.Schema;
using Ingest.Sinks.ClickHouse.Writing;
using Ingest.Worker.Options;
using Ingest.Worker.Reference;
using Ingest.Worker.Streaming;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Worker;

/// <summary>The engine's services for the worker: the same parser, evaluator and sink as the nightly job.</summary>
public static class EngineRegistration
{
    public static void AddIngestEngine(IServiceCollection services, IConfiguration configuration)
    {
        var clickHouse = new ClickHouseOptions();
        configuration.GetSection(ClickHouseOptions.Section).Bind(clickHouse);
        // Checked here, as the parser's limits are: a bad name stops the worker at start-up.
        clickHouse.ThrowIfDatabaseInvalid();
        services.AddSingleton(clickHouse);
        var limits = new ParserLimits();
        configuration.GetSection(ParserLimits.Section).Bind(limits);
        // Checked here: a limit that is not positive stops the worker at start-up.
        var parserOptions = limits.ToParserOptions();
        services.AddSingleton<ISedParser>(_ => Engine.CreateParser(parserOptions));
        // Built at registration, so a bad reference file stops the worker before it consumes anything;
        // live updates then replace the holder's snapshot.
        services.AddSingleton(new ReferenceSnapshotHolder(LoadSnapshot(configuration)));
        var stream = configuration.GetSection(StreamOptions.Section).Get<StreamOptions>() ?? new StreamOptions();
        services.AddSingleton<ISedEvaluator>(sp => Engine.CreateEvaluator(
            sp.GetRequiredService<ReferenceSnapshotHolder>(), new EvaluatorOptions { MaxHistoryEntries = stream.HistoryMaxEntries }));
        services.AddSingleton<IStreamSinkFactory, ClickHouseStreamSinkFactory>();
        services.AddSingleton<ReferenceFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<ReferenceFeed>());
    }

    private static ReferenceSnapshot LoadSnapshot(IConfiguration configuration) =>
        Engine.LoadReference(configuration["Reference:A1Path"], configuration["Reference:DeclarationsPath"]);

    private sealed class ClickHouseStreamSinkFactory(ClickHouseOptions options) : IStreamSinkFactory, IDisposable
    {
        private readonly ClickHouseStore _store = new(options);

        public async Task<IResultSink> CreateAsync(string runId, CancellationToken cancellationToken)
        {
            // ClickHouse may be down when the worker starts: wait for it rather than crash-loop.
            while (true)
            {
                try
                {
                    await _store.ConnectAsync(cancellationToken).ConfigureAwait(false);
                    await new Migrator(_store).MigrateAsync(cancellationToken).ConfigureAwait(false);
                    // The stream processor seals batches itself (by size, and by age once the previous one landed).
                    return new ClickHouseResultSink(_store, runId) { SendsWhenAged = false };
                }
                catch (Exception e) when (e is HttpRequestException or IOException)
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
                }
            }
        }

        public void Dispose() => _store.Dispose();
    }
}
