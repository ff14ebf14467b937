using Ingest.Core.Reference;

namespace Ingest.Matching.Indexes;

/// <summary>
/// Reference records to change over a snapshot (see <see cref="ReferenceSnapshot.With"/>), keyed as
/// the compacted reference topics are: A1s by document number, declarations by declaration id. The
/// last change of a key wins; a removal is a change to nothing.
/// </summary>
public sealed class ReferenceChanges
{
    private readonly Dictionary<string, A1Certificate?> _a1 = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PostingDeclaration?> _declarations = new(StringComparer.Ordinal);

    /// <summary>Keys changed (set or removed), whether or not the snapshot holds them.</summary>
    public int Count => _a1.Count + _declarations.Count;

    public bool IsEmpty => Count == 0;

    internal IReadOnlyDictionary<string, A1Certificate?> A1 => _a1;

    internal IReadOnlyDictionary<string, PostingDeclaration?> Declarations => _declarations;

    public void Set(A1Certificate a1)
    {
        ArgumentNullException.ThrowIfNull(a1);
        _a1[a1.DocumentNumber] = a1;
    }

    public void Set(PostingDeclaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        _declarations[declaration.DeclarationId] = declaration;
    }

    public void RemoveA1(string documentNumber) => _a1[documentNumber] = null;

    public void RemoveDeclaration(string declarationId) => _declarations[declarationId] = null;
}
