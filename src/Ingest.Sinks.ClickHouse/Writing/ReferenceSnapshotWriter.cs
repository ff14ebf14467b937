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
    public Task<(string SnapshotId, bool Written)> WriteAsync(string a1Path, string declarationsPath, CancellationToken cancellationToken) =>
        WriteAsync(a1Path, declarationsPath, null, null, cancellationToken);

    /// <summary>
    /// The same, with the files' records already in memory (the run just loaded them for its
    /// indexes): nothing is read twice, and a year's reference data is not held twice.
    /// </summary>
    public async Task<(string SnapshotId, bool Written)> WriteAsync(string a1Path, string declarationsPath,
        IReadOnlyList<A1Certificate>? a1Records, IReadOnlyList<PostingDeclaration>? declarationRecords, CancellationToken cancellationToken)
    {
        var id = await SnapshotIdAsync(a1Path, declarationsPath, cancellationToken).ConfigureAwait(false);
        var existing = await store.ScalarAsync($"SELECT count() FROM {store.Database}.reference_snapshots WHERE snapshot_id = '{id}'", cancellationToken).ConfigureAwait(false);
        if (existing > 0)
        {
            return (id, false);
        }
        var a1Count = await SendAsync(Tables.A1Certificates, a1Records ?? ReferenceJsonl.ReadA1(a1Path), (t, a) => A1Row(t, id, a), cancellationToken).ConfigureAwait(false);
        var declCount = await SendAsync(Tables.PostingDeclarations, declarationRecords ?? ReferenceJsonl.ReadDeclarations(declarationsPath), (t, d) => DeclarationRow(t, id, d), cancellationToken).ConfigureAwait(false);
        // The snapshot row goes last: its presence means the snapshot is complete.
        await store.InsertAsync(Tables.ReferenceSnapshots,
            [[id, (ulong)a1Count, (ulong)declCount, Path.GetFullPath(a1Path), Path.GetFullPath(declarationsPath), DateTime.UtcNow]],
            cancellationToken).ConfigureAwait(false);
        return (id, true);
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

    /// <summary>
    /// Rows are encoded as RowBinary as they are mapped: a batch of 100 000 object rows waiting for
    /// its insert (two million for a year's reference data) outlived the young generation.
    /// </summary>
    private async Task<long> SendAsync<T>(TableSpec table, IEnumerable<T> records, Action<IRowTarget, T> map, CancellationToken cancellationToken)
    {
        var rows = new RowBinaryBuffer();
        var encoder = new RowBinaryEncoder(table, store.Version).Into(rows);
        long total = 0;
        try
        {
            foreach (var record in records)
            {
                map(encoder, record);
                if (rows.Rows == store.Options.BatchRows)
                {
                    total += await SendAsync(table, rows, cancellationToken).ConfigureAwait(false);
                }
            }
            return total + await SendAsync(table, rows, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            rows.Clear();
        }
    }

    private async Task<int> SendAsync(TableSpec table, RowBinaryBuffer rows, CancellationToken cancellationToken)
    {
        var count = rows.Rows;
        if (count > 0)
        {
            await store.InsertRowBinaryAsync(table, rows.OpenRead, cancellationToken).ConfigureAwait(false);
            rows.Clear();
        }
        return count;
    }

    private static void A1Row(IRowTarget t, string id, A1Certificate a)
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

    private static void DeclarationRow(IRowTarget t, string id, PostingDeclaration d)
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
