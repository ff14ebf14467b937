namespace Ingest.Generator.Output;

/// <summary>A zip entry's payload deflated ahead of writing (on a worker thread), with what the headers need.</summary>
internal readonly record struct DeflatedEntry(ReadOnlyMemory<byte> Data, uint Crc32, int Length);
