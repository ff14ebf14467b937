namespace Ingest.Generator;

/// <summary>One episode's reference needs (as CapReference tests them) and what it then emitted.</summary>
internal readonly record struct ReferenceBudget(int A1Need, int A1Made, bool WantsDeclaration, int DeclarationsMade);
