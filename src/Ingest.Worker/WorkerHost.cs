using Ingest.Worker.Options;
using Ingest.Worker.Streaming;
using Ingest.Worker.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;

namespace Ingest.Worker;

/// <summary>
/// The continuous worker on the Generic Host: configuration from appsettings.json, environment
/// (Kafka__BootstrapServers, ClickHouse__ConnectionString…) and command line; options validated
/// at start-up; metrics for Prometheus and a health endpoint when Stream:MetricsPort is set.
/// </summary>
public static class WorkerHost
{
    public static IHost Build(string[] args, Action<IServiceCollection, IConfiguration> addEngine, IDictionary<string, string?>? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }
        builder.Services.AddOptions<KafkaOptions>().Bind(builder.Configuration.GetSection(KafkaOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<StreamOptions>().Bind(builder.Configuration.GetSection(StreamOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));
        builder.Services.AddSingleton<StreamMetrics>();
        addEngine(builder.Services, builder.Configuration);
        builder.Services.AddHostedService<StreamWorker>();

        var port = builder.Configuration.GetValue<int>($"{StreamOptions.Section}:{nameof(StreamOptions.MetricsPort)}");
        if (port > 0)
        {
            builder.Services.AddHostedService(sp => new HealthEndpoint(port, sp.GetRequiredService<IHostApplicationLifetime>()));
            builder.Services.AddOpenTelemetry().WithMetrics(m => m
                .AddMeter(StreamMetrics.MeterName)
                .AddPrometheusHttpListener(o =>
                {
                    o.Host = "127.0.0.1";
                    o.Port = port;
                }));
        }
        return builder.Build();
    }
}
