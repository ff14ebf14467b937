using System.Globalization;
using Ingest.Core.Reference;
using Ingest.IntegrationTests.Infrastructure;
using Ingest.Matching.Indexes;
using Ingest.Sinks.ClickHouse.Schema;
using Ingest.Sinks.ClickHouse.Writing;

namespace Ingest.IntegrationTests.ClickHouse;

/// <summary>
/// The reference copy written while the files are decoded for the indexes (what the nightly run does):
/// several decoding threads, several batches each, one row a source record, the snapshot row last;
/// and a copy ClickHouse refuses fails loudly and leaves no snapshot row.
/// </summary>
public sealed class ReferenceCopyTests : IAsyncLifetime
{
    private const int A1s = 6_000;
    private const int Declarations = 5_000;
    private DirectoryInfo _dir = null!;
    private string _a1Path = null!;
    private string _declarationsPath = null!;

    public async Task InitializeAsync()
    {
        _dir = Directory.CreateTempSubdirectory("ingest-refcopy");
        _a1Path = Path.Combine(_dir.FullName, ReferenceJsonl.A1FileName);
        _declarationsPath = Path.Combine(_dir.FullName, ReferenceJsonl.DeclarationsFileName);
        await using (var s = File.Create(_a1Path))
        {
            for (var i = 0; i < A1s; i++)
            {
                ReferenceJsonl.Write(s, new A1Certificate
                {
                    DocumentNumber = $"FR-A1-{i}", SecurityCode = "X", Issuer = "FR:URSSAF01", IssuedOn = "2025-01-01",
                    FamilyName = $"Name{i}", Forename = "Paul", DateBirth = "1979-05-01", LegislationState = "FR", Article = "12.1",
                    Start = "2025-01-01", End = "2025-12-31", Status = "issued", Pin = $"1790575{i:D8}", PinCountry = "FR",
                });
            }
        }
        await using (var s = File.Create(_declarationsPath))
        {
            for (var i = 0; i < Declarations; i++)
            {
                // Every tenth declaration is amended: the copy keeps both versions, the indexes the latest.
                ReferenceJsonl.Write(s, Declaration(i, 1));
                if (i % 10 == 0)
                {
                    ReferenceJsonl.Write(s, Declaration(i, 2));
                }
            }
        }
    }

    public Task DisposeAsync()
    {
        _dir.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Every_record_decoded_for_the_indexes_lands_in_the_copy_once_with_the_snapshot_row_last()
    {
        // Small batches: each decoding thread fills and hands over several while the sender inserts.
        await using var db = await TempDatabase.CreateAsync(o => o.BatchRows = 700);
        await new Migrator(db.Store).MigrateAsync(CancellationToken.None);
        var copy = await new ReferenceSnapshotWriter(db.Store).BeginAsync(_a1Path, _declarationsPath, CancellationToken.None);
        Assert.NotNull(copy);

        var snapshot = ReferenceSnapshot.LoadIndexed(_a1Path, _declarationsPath, copy.Add, copy.Add);
        var (a1Rows, declarationRows) = await copy.CompleteAsync();

        Assert.Equal(A1s, snapshot.A1Count);
        Assert.Equal(Declarations, snapshot.DeclarationCount);
        var amendments = Declarations / 10;
        Assert.Equal((A1s, Declarations + amendments), (a1Rows, declarationRows));
        Assert.Equal($"{A1s}\t{A1s}", await Text(db, $"SELECT count(), uniqExact(document_number) FROM {db.Name}.a1_certificates WHERE snapshot_id = '{copy.SnapshotId}'"));
        // The table keeps a declaration's latest version, whatever order the threads' batches came in.
        Assert.Equal($"{Declarations}\t{Declarations}\t{amendments}",
            await Text(db, $"SELECT count(), uniqExact(declaration_id), countIf(version = 2 AND status = 'amended') FROM {db.Name}.posting_declarations FINAL WHERE snapshot_id = '{copy.SnapshotId}'"));
        Assert.Equal($"{A1s}\t{Declarations + amendments}", await Text(db, $"SELECT a1_count, declaration_count FROM {db.Name}.reference_snapshots WHERE snapshot_id = '{copy.SnapshotId}'"));
        // The same content again: nothing to copy.
        Assert.Null(await new ReferenceSnapshotWriter(db.Store).BeginAsync(_a1Path, _declarationsPath, CancellationToken.None));
    }

    [Fact]
    public async Task A_copy_ClickHouse_refuses_stops_the_load_and_leaves_no_snapshot_row()
    {
        await using var db = await TempDatabase.CreateAsync(o => o.BatchRows = 700);
        await new Migrator(db.Store).MigrateAsync(CancellationToken.None);
        var copy = await new ReferenceSnapshotWriter(db.Store).BeginAsync(_a1Path, _declarationsPath, CancellationToken.None);
        Assert.NotNull(copy);
        // A refusal no retry can mend.
        await db.Store.ExecuteAsync($"DROP TABLE {db.Name}.{Tables.A1Certificates.Name}", CancellationToken.None);

        var thrown = Record.Exception(() => ReferenceSnapshot.LoadIndexed(_a1Path, _declarationsPath, copy.Add, copy.Add));
        await copy.AbandonAsync();

        Assert.NotNull(thrown);
        Assert.NotNull(copy.Failure);
        Assert.Contains(Tables.A1Certificates.Name, copy.Failure.Message, StringComparison.Ordinal);
        Assert.Equal("0", await Text(db, $"SELECT count() FROM {db.Name}.reference_snapshots"));
    }

    private static PostingDeclaration Declaration(int i, int version) => new()
    {
        DeclarationId = $"D-{i}", Version = version, Status = version == 1 ? "active" : "amended", FiledOn = "2025-02-01",
        EmployerName = "Budimex", EmployerCountry = "PL", WorkerFamilyName = $"Name{i}", WorkerForename = "Jan",
        WorkerDateBirth = "1990-01-01", Start = "2025-03-01", End = version == 1 ? "2025-06-30" : "2025-08-31",
        A1Number = string.Create(CultureInfo.InvariantCulture, $"PL-{i}"),
    };

    private static async Task<string> Text(TempDatabase db, string sql) =>
        (await db.Store.QueryTextAsync(sql + " FORMAT TSV", CancellationToken.None)).Trim();
}
