namespace Ingest.Generator.Population;

/// <summary>A place of work in France and the client it belongs to.</summary>
public sealed record HostSite(string Name, string ClientName, string ClientSiret, Address Address);
