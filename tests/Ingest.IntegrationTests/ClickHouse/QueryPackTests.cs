using Ingest.Core.Reference;
using Ingest.IntegrationTests.Infrastructure;
using Ingest.Sinks.ClickHouse.QueryPack;
using Ingest.Sinks.ClickHouse.Schema;
using Ingest.Sinks.ClickHouse.Writing;

namespace Ingest.IntegrationTests.ClickHouse;

/// <summary>Every saved query runs on the real server (18.16 here) against a populated schema.</summary>
public sealed class QueryPackTests : IAsyncLifetime
{
    private TempDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TempDatabase.CreateAsync();
        await new Migrator(_db.Store).MigrateAsync(CancellationToken.None);
        await using (var sink = new ClickHouseResultSink(_db.Store, "run-q"))
        {
            for (var i = 0; i < 20; i++)
            {
                await sink.WriteAsync(SampleResults.Evaluation(i, redFlag: i % 5 == 0), CancellationToken.None);
            }
        }
        var dir = Directory.CreateTempSubdirectory("ingest-ref");
        var a1 = Path.Combine(dir.FullName, ReferenceJsonl.A1FileName);
        var decl = Path.Combine(dir.FullName, ReferenceJsonl.DeclarationsFileName);
        await using (var s = File.Create(a1))
        {
            ReferenceJsonl.Write(s, new A1Certificate
            {
                DocumentNumber = "FR-A1-1", SecurityCode = "X1", Issuer = "FR:URSSAF01", IssuedOn = "2025-01-01",
                FamilyName = "Martin", Forename = "Paul", DateBirth = "1979-05-01", LegislationState = "FR", Article = "12.1",
                Start = "2025-01-01", End = DateTime.UtcNow.ToString("yyyy-MM-dd"), Status = "issued", Pin = "179057512345678", PinCountry = "FR",
            });
        }
        await using (var s = File.Create(decl))
        {
            ReferenceJsonl.Write(s, new PostingDeclaration
            {
                DeclarationId = "D-lonely", Status = "active", FiledOn = "2025-02-01", EmployerName = "Budimex", EmployerCountry = "PL",
                WorkerFamilyName = "Nowak", WorkerForename = "Jan", WorkerDateBirth = "1990-01-01", Start = "2025-03-01", End = "2025-06-30",
                A1Number = "PL-404",
            });
        }
        var (_, written) = await new ReferenceSnapshotWriter(_db.Store).WriteAsync(a1, decl, CancellationToken.None);
        Assert.True(written);
        var (_, again) = await new ReferenceSnapshotWriter(_db.Store).WriteAsync(a1, decl, CancellationToken.None);
        Assert.False(again);
        dir.Delete(recursive: true);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task The_reference_copy_holds_every_field_as_read_from_the_files()
    {
        var a1 = await _db.Store.QueryTextAsync(
            $"SELECT document_number, issuer, issued_on, status, family_name, date_birth, pin, pin_country, legislation_state, article, start FROM {_db.Name}.a1_certificates FORMAT TSV",
            CancellationToken.None);
        Assert.Equal("FR-A1-1\tFR:URSSAF01\t2025-01-01\tissued\tMartin\t1979-05-01\t179057512345678\tFR\tFR\t12.1\t2025-01-01", a1.Trim());
        var declaration = await _db.Store.QueryTextAsync(
            $"SELECT declaration_id, version, status, filed_on, employer_name, employer_country, worker_family_name, worker_date_birth, start, end, a1_number FROM {_db.Name}.posting_declarations FORMAT TSV",
            CancellationToken.None);
        Assert.Equal("D-lonely\t1\tactive\t2025-02-01\tBudimex\tPL\tNowak\t1990-01-01\t2025-03-01\t2025-06-30\tPL-404", declaration.Trim());
    }

    [Fact]
    public void The_pack_has_at_least_twelve_documented_queries()
    {
        Assert.True(SavedQueries.All.Count >= 12, $"only {SavedQueries.All.Count} queries");
        Assert.All(SavedQueries.All, q =>
        {
            Assert.False(string.IsNullOrWhiteSpace(q.Title), q.Name);
            Assert.False(string.IsNullOrWhiteSpace(q.Description), q.Name);
        });
    }

    [Fact]
    public async Task Every_query_runs_on_the_server()
    {
        foreach (var query in SavedQueries.All)
        {
            var values = query.Parameters.Where(p => p.Required).ToDictionary(p => p.Name, _ => "PL:85022912345");
            var sql = SavedQueries.Render(query, _db.Name, values, DateOnly.FromDateTime(DateTime.UtcNow));
            try
            {
                await _db.Store.QueryTextAsync(sql + "\nFORMAT TSVWithNames", CancellationToken.None);
            }
            catch (Exception e)
            {
                Assert.Fail($"query {query.Name} failed: {e.Message}");
            }
        }
    }

    /// <summary>--format json: one valid array, and counts (64-bit integers, which ClickHouse quotes by default) as numbers.</summary>
    [Fact]
    public async Task Every_query_prints_valid_json_with_counts_as_numbers()
    {
        var numbers = 0;
        foreach (var query in SavedQueries.All)
        {
            var values = query.Parameters.Where(p => p.Required).ToDictionary(p => p.Name, _ => "PL:85022912345");
            var sql = SavedQueries.Render(query, _db.Name, values, DateOnly.FromDateTime(DateTime.UtcNow));
            using var output = new StringWriter();
            await Ingest.Cli.Hosting.QueryOutput.WriteAsync(_db.Store, sql, "json", output, CancellationToken.None);
            using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
            foreach (var row in json.RootElement.EnumerateArray())
            {
                foreach (var cell in row.EnumerateObject())
                {
                    Assert.False(cell.Value.ValueKind == System.Text.Json.JsonValueKind.String && long.TryParse(cell.Value.GetString(), out _) && cell.Name is "anomalies" or "documents" or "units_in" or "seds",
                        $"{query.Name}: {cell.Name} is the string {cell.Value}");
                    numbers += cell.Value.ValueKind == System.Text.Json.JsonValueKind.Number ? 1 : 0;
                }
            }
        }
        Assert.True(numbers > 0, "no query printed a number: the test proves nothing");
        using var byRule = new StringWriter();
        await Ingest.Cli.Hosting.QueryOutput.WriteAsync(_db.Store, SavedQueries.Render(SavedQueries.All.Single(q => q.Name == "anomalies-by-rule"), _db.Name, new Dictionary<string, string>(), DateOnly.FromDateTime(DateTime.UtcNow)), "json", byRule, CancellationToken.None);
        using var rows = System.Text.Json.JsonDocument.Parse(byRule.ToString());
        Assert.Equal(System.Text.Json.JsonValueKind.Number, rows.RootElement[0].GetProperty("anomalies").ValueKind);
    }

    [Fact]
    public async Task Postings_without_declaration_lists_exactly_the_unmatched_A009s()
    {
        var rows = await Run("postings-without-declaration");
        Assert.Equal(10, rows.Length);
        Assert.All(rows, r => Assert.Contains("Kowalska-", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Declarations_without_A1_or_SED_finds_the_lonely_declaration()
    {
        var rows = await Run("declarations-without-a1-or-sed");
        Assert.Single(rows);
        Assert.StartsWith("D-lonely\t", rows[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_review_queue_holds_the_red_flagged_SEDs_with_their_reasons()
    {
        var rows = await Run("review-queue");
        Assert.Equal(4, rows.Length);
        Assert.All(rows, r => Assert.Contains("LEG-04", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Person_history_requires_its_parameter_and_quotes_it_safely()
    {
        var query = SavedQueries.Find("person-history")!;
        Assert.Throws<ArgumentException>(() => SavedQueries.Render(query, _db.Name, new Dictionary<string, string>(), DateOnly.MinValue));
        var hostile = SavedQueries.Render(query, _db.Name, new Dictionary<string, string> { ["person"] = "x' OR 1=1 --" }, DateOnly.MinValue);
        var rows = (await _db.Store.QueryTextAsync(hostile + "\nFORMAT TSV", CancellationToken.None)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Empty(rows);
        Assert.Equal(20, (await Run("person-history", ("person", "PL:85022912345"))).Length);
    }

    private async Task<string[]> Run(string name, params (string Key, string Value)[] values)
    {
        var sql = SavedQueries.Render(SavedQueries.Find(name)!, _db.Name, values.ToDictionary(v => v.Key, v => v.Value), DateOnly.FromDateTime(DateTime.UtcNow));
        return (await _db.Store.QueryTextAsync(sql + "\nFORMAT TSV", CancellationToken.None)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
