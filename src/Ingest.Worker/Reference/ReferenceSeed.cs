using Ingest.Core.Reference;

namespace Ingest.Worker.Reference;

/// <summary>The reference records the worker started from (files), over which live updates are merged.</summary>
public sealed record ReferenceSeed(IReadOnlyList<A1Certificate> A1, IReadOnlyList<PostingDeclaration> Declarations);
