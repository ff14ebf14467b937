using Ingest.Core.Results;
using Ingest.Core.Units;
using Ingest.IntegrationTests.Infrastructure;
using Ingest.Sinks.ClickHouse.Schema;
using Ingest.Sinks.ClickHouse.Writing;

namespace Ingest.IntegrationTests.ClickHouse;

/// <summary>
/// The sink encodes its rows as RowBinary itself; the driver's binary insert of the same rows is
/// the reference: both must leave identical rows in ClickHouse, table by table.
/// </summary>
public sealed class RowBinaryEncodingTests
{
    private static readonly DateTime s_now = new(2026, 11, 27, 8, 59, 33, DateTimeKind.Utc);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Rows_encoded_by_the_sink_read_back_exactly_as_the_drivers_binary_insert(bool gzip)
    {
        await using var viaDriver = await TempDatabase.CreateAsync();
        await using var viaEncoder = await TempDatabase.CreateAsync(o => o.CompressInserts = gzip);
        await new Migrator(viaDriver.Store).MigrateAsync(CancellationToken.None);
        await new Migrator(viaEncoder.Store).MigrateAsync(CancellationToken.None);
        var pseudonymizer = new Pseudonymizer("k"u8.ToArray());
        var tables = new[] { Tables.SedDocuments, Tables.MatchResults, Tables.Anomalies, Tables.ReviewQueue, Tables.Quarantine };
        // One mapping, two targets: object rows for the driver (the reference) and RowBinary for the sink.
        var objects = tables.ToDictionary(t => t, _ => new ObjectRows());
        var buffers = tables.ToDictionary(t => t, _ => new RowBinaryBuffer());
        var encoders = tables.ToDictionary(t => t, t => new RowBinaryEncoder(t, viaEncoder.Store.Version).Into(buffers[t]));
        void Both(TableSpec table, Action<IRowTarget> write)
        {
            write(objects[table]);
            write(encoders[table]);
        }
        for (var i = 0; i < 300; i++)
        {
            var e = SampleResults.Evaluation(i, personKey: i % 7 == 0 ? "" : $"PL:{i}", redFlag: i % 5 == 0);
            // Non-ASCII, long (multi-byte length prefix) and empty values, and dates at the edges.
            e.Sed.Person.FamilyName = i % 3 == 0 ? $"Żółćński-Łukasiewicz {new string('ą', 100 + i)}" : "";
            e.Sed.Person.DateBirth = i % 4 == 0 ? "1970-01-01" : i % 4 == 1 ? "not a date" : "2105-12-31";
            e.Sed.Person.Nationalities.Add(i % 2 == 0 ? "PL" : "ÖÄ");
            var received = RowMapper.Timestamp(i % 6 == 0 ? null : e.Sed.Envelope.ReceivedAt);
            Both(Tables.SedDocuments, t => RowMapper.SedDocument(t, e, received, "run-1", s_now, (ulong)(1_000_000_000_000 + i), pseudonymizer));
            Both(Tables.ReviewQueue, t => RowMapper.Review(t, e, received, "run-1", s_now, (ulong)i));
            foreach (var m in e.Matches)
            {
                Both(Tables.MatchResults, t => RowMapper.Match(t, e, m, received, "run-1", s_now));
            }
            foreach (var a in e.Anomalies)
            {
                Both(Tables.Anomalies, t => RowMapper.Anomaly(t, e, a, received, "run-1", s_now, ulong.MaxValue - (ulong)i));
            }
            var raw = new byte[i * 13];
            Array.Fill(raw, (byte)('a' + (i % 26)));
            var quarantined = new QuarantineRecord
            {
                Unit = new UnitId("topic/3@" + i, null, i),
                ErrorCode = "Malformed",
                Message = new string('m', i),
                ByteOffset = i,
                Line = i,
                Column = 1,
                ElementPath = "/A009",
                Raw = raw,
            };
            Both(Tables.Quarantine, t => RowMapper.Quarantine(t, quarantined, "malformed", "run-1", s_now, 1000));
        }

        foreach (var table in tables)
        {
            var list = objects[table].Rows;
            await viaDriver.Store.InsertAsync(table, list, CancellationToken.None);
            var buffer = buffers[table];
            Assert.Equal(list.Count, buffer.Rows);
            await viaEncoder.Store.InsertRowBinaryAsync(table, buffer.OpenRead, CancellationToken.None);
            buffer.Clear();

            var columns = string.Join(", ", table.ColumnNames);
            var expected = await viaDriver.Store.QueryTextAsync($"SELECT {columns} FROM {viaDriver.Name}.{table.Name} ORDER BY {columns} FORMAT TSV", CancellationToken.None);
            var actual = await viaEncoder.Store.QueryTextAsync($"SELECT {columns} FROM {viaEncoder.Name}.{table.Name} ORDER BY {columns} FORMAT TSV", CancellationToken.None);
            Assert.Equal(list.Count, expected.Count(c => c == '\n'));
            Assert.Equal(expected, actual);
        }
    }
}
