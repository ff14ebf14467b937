using Ingest.Core.Evaluation;

namespace Ingest.Worker.Streaming;

/// <summary>Creates the worker's sink once its run id is known (schema migrated first).</summary>
public interface IStreamSinkFactory
{
    Task<IResultSink> CreateAsync(string runId, CancellationToken cancellationToken);
}
