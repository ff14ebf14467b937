using System.Net;
using System.Text;
using Microsoft.Extensions.Hosting;

namespace Ingest.Worker.Telemetry;

/// <summary>
/// GET /health on loopback: 200 "ok" while the worker runs, 503 once it stops. Metrics are served
/// by the OpenTelemetry Prometheus listener on the same port at /metrics.
/// </summary>
public sealed class HealthEndpoint(int port, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (port == 0)
        {
            return;
        }
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/health/");
        listener.Start();
        using var registration = stoppingToken.Register(listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            var healthy = !lifetime.ApplicationStopping.IsCancellationRequested;
            context.Response.StatusCode = healthy ? 200 : 503;
            var body = Encoding.UTF8.GetBytes(healthy ? "ok\n" : "stopping\n");
            await context.Response.OutputStream.WriteAsync(body, stoppingToken).ConfigureAwait(false);
            context.Response.Close();
        }
    }
}
