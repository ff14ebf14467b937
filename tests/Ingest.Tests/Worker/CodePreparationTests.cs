using Ingest.Worker.Streaming;

namespace Ingest.Tests.Worker;

public sealed class CodePreparationTests
{
    [Fact]
    public void The_engine_is_the_worker_and_the_ingest_assemblies_it_references()
    {
        var names = CodePreparation.EngineAssemblies(typeof(StreamWorker)).Select(a => a.GetName().Name).ToHashSet();
        foreach (var expected in new[] { "Ingest.Worker", "Ingest.Core", "Ingest.Xml", "Ingest.Sed", "Ingest.Matching", "Ingest.Normalization", "Ingest.Sources" })
        {
            Assert.Contains(expected, names);
        }
        Assert.All(names, n => Assert.StartsWith("Ingest.", n));
        Assert.DoesNotContain("Ingest.Tests", names);
    }

    [Fact]
    public void Preparing_compiles_the_methods_without_running_them()
    {
        var (methods, _) = CodePreparation.Prepare([typeof(CodePreparation).Assembly]);
        Assert.True(methods > 100, $"{methods} methods prepared");
    }
}
