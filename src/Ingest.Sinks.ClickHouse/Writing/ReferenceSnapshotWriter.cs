using System.Security.Cryptography;
using Ingest.Core.Reference;
using Ingest.Sinks.ClickHouse.Schema;

namespace Ingest.Sinks.ClickHouse.Writing;

/// <summary>
/// Copies the reference data a run used into ClickHouse, once per distinct content: the snapshot
/// id is a hash of both files, so the nightly run re-sends them only when they changed.
/// </summary>
public sealed class ReferenceSnapshotWriter(ClickHouseStore store)
{
    /// <summary>Copies both files, unless a complete copy of the same content is there already.</summary>
    public async Task<(string SnapshotId, bool Written)> WriteAsync(string a1Path, string declarationsPath, CancellationToken cancellationToken)
    {
        var (id, copy) = await OpenAsync(a1Path, declarationsPath, cancellationToken).ConfigureAwait(false);
        if (copy is null)
        {
            return (id, false);
        }
        try
        {
            foreach (var a in ReferenceJsonl.ReadA1(a1Path))
            {
                copy.Add(a);
            }
            foreach (var d in ReferenceJsonl.ReadDeclarations(declarationsPath))
            {
                copy.Add(d);
            }
        }
        catch
        {
            await copy.AbandonAsync().ConfigureAwait(false);
            throw;
        }
        await copy.CompleteAsync().ConfigureAwait(false);
        return (copy.SnapshotId, true);
    }

    /// <summary>
    /// A copy to fill with the files' records (see <see cref="ReferenceCopy"/>), or null when a
    /// complete copy of the same content is there already: the nightly run re-sends the register
    /// only when it changed.
    /// </summary>
    public async Task<ReferenceCopy?> BeginAsync(string a1Path, string declarationsPath, CancellationToken cancellationToken) =>
        (await OpenAsync(a1Path, declarationsPath, cancellationToken).ConfigureAwait(false)).Copy;

    private async Task<(string Id, ReferenceCopy? Copy)> OpenAsync(string a1Path, string declarationsPath, CancellationToken cancellationToken)
    {
        var id = await SnapshotIdAsync(a1Path, declarationsPath, cancellationToken).ConfigureAwait(false);
        var existing = await store.ScalarAsync($"SELECT count() FROM {store.Database}.reference_snapshots WHERE snapshot_id = '{id}'", cancellationToken).ConfigureAwait(false);
        return (id, existing > 0 ? null : new ReferenceCopy(store, id, a1Path, declarationsPath, cancellationToken));
    }

    public static async Task<string> SnapshotIdAsync(string a1Path, string declarationsPath, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        foreach (var path in new[] { a1Path, declarationsPath })
        {
            await using var stream = File.OpenRead(path);
            int n;
            while ((n = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, n);
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..24];
    }

    internal static void A1Row(IRowTarget t, string id, A1Certificate a)
    {
        t.String(id);
        t.String(a.DocumentNumber);
        t.String(a.Issuer);
        t.Date(RowMapper.Date(a.IssuedOn));
        t.String(a.Status);
        t.String(a.FamilyName);
        t.String(a.Forename);
        t.Date(RowMapper.Date(a.DateBirth));
        t.String(a.Pin);
        t.String(a.PinCountry);
        t.String(a.EmployerName);
        t.String(a.EmployerId);
        t.String(a.EmployerCountry);
        t.String(a.LegislationState);
        t.String(a.Article);
        t.Date(RowMapper.Date(a.Start));
        t.Date(RowMapper.Date(a.End));
        t.Strings(a.WorkCountries);
        t.EndRow();
    }

    internal static void DeclarationRow(IRowTarget t, string id, PostingDeclaration d)
    {
        t.String(id);
        t.String(d.DeclarationId);
        t.UInt32((uint)Math.Max(d.Version, 0));
        t.String(d.Status);
        t.Date(RowMapper.Date(d.FiledOn));
        t.String(d.EmployerName);
        t.String(d.EmployerId);
        t.String(d.EmployerCountry);
        t.String(d.ClientName);
        t.String(d.ClientSiret);
        t.String(d.SiteTown);
        t.String(d.SitePostalCode);
        t.String(d.WorkerFamilyName);
        t.String(d.WorkerForename);
        t.Date(RowMapper.Date(d.WorkerDateBirth));
        t.String(d.WorkerNationality);
        t.String(d.WorkerPin);
        t.String(d.WorkerPinCountry);
        t.Date(RowMapper.Date(d.HireDate));
        t.Date(RowMapper.Date(d.Start));
        t.Date(RowMapper.Date(d.End));
        t.String(d.A1Number);
        t.EndRow();
    }
}
