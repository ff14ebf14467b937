using System.Text.Json;
using Ingest.Sed;
using Ingest.Sed.Reporting;
using Ingest.Sources;
using Ingest.Tests.Sources;
using Ingest.Tests.Xml;

namespace Ingest.Tests.Sed;

/// <summary>The `ingest parse` contract: status lines, JSON lines, errors on stderr, exit codes 0/3/2.</summary>
public sealed class ParseRunTests
{
    private static async Task<(int Code, string Out, string Err)> Run(ParseOutputMode mode, params string[] paths)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ParseRun.RunAsync(UnitSources.For(paths), new SedParser(), mode, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task All_seds_exit_0_with_one_status_line_per_unit()
    {
        var (code, output, error) = await Run(ParseOutputMode.Status, Path.Combine(SamplePaths.Samples, "valid"));
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Directory.GetFiles(Path.Combine(SamplePaths.Samples, "valid"), "*.xml").Length, lines.Length);
        Assert.Contains(Path.Combine(SamplePaths.Samples, "valid", "A009-4.2.xml") + "\tsed\tA009", lines);
        Assert.Equal("", error);
    }

    [Fact]
    public async Task A_non_sed_exits_3_and_a_malformed_unit_exits_2()
    {
        using var tree = new TempTree();
        var sed = Path.Combine(SamplePaths.Samples, "valid", "A011-4.2.xml");
        var other = tree.Write("other.xml", "<catalog/>");
        var bad = tree.Write("bad.xml", "<a><b></a>");
        var (code3, out3, err3) = await Run(ParseOutputMode.Status, sed, other);
        Assert.Equal(3, code3);
        Assert.Contains($"{other}\tnot-sed\tNotSed: root element {{}}catalog is not a SED", out3);
        Assert.Contains($"{other}: NotSed:", err3);
        var (code2, out2, err2) = await Run(ParseOutputMode.Status, other, bad, sed);
        Assert.Equal(2, code2);
        Assert.Contains($"{bad}\tmalformed\tMismatchedEndTag: end tag does not match the open element: </a> closes <b>", out2);
        Assert.Contains("(byte 6, line 1, column 7, element /a/b)", err2);
    }

    [Fact]
    public async Task Json_mode_prints_each_sed_as_one_json_line()
    {
        var (code, output, _) = await Run(ParseOutputMode.Json, Path.Combine(SamplePaths.Samples, "valid", "A009-4.4-sbdh.xml"), Path.Combine(SamplePaths.Samples, "valid", "X008-4.4-sbdh.xml"));
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var doc = JsonDocument.Parse(lines[0]);
        Assert.Equal(Path.Combine(SamplePaths.Samples, "valid", "A009-4.4-sbdh.xml"), doc.RootElement.GetProperty("unit").GetString());
        Assert.Equal("unit", doc.RootElement.EnumerateObject().First().Name);
        Assert.Equal("Kowalski-Nowak", doc.RootElement.GetProperty("person").GetProperty("familyName").GetString());
        Assert.Equal("OtherMemberState", doc.RootElement.GetProperty("employers")[1].GetProperty("role").GetString());
        Assert.Equal("1234567", doc.RootElement.GetProperty("envelope").GetProperty("caseId").GetString());
    }

    [Fact]
    public async Task A_tab_or_line_break_in_a_name_or_message_cannot_split_a_status_line()
    {
        using var tree = new TempTree();
        var odd = tree.Write("tab\there\nand\\.xml", "<a xmlns=\"urn:&#10;x&#9;y\"/>");
        var (code, output, error) = await Run(ParseOutputMode.Status, odd);
        Assert.Equal(3, code);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var fields = line.Split('\t');
        Assert.Equal(3, fields.Length);
        Assert.Equal(odd.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal), fields[0]);
        Assert.Equal("not-sed", fields[1]);
        Assert.Contains("{urn:\\nx\\ty}a", fields[2], StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_path_without_inputs_is_said_on_stderr()
    {
        using var tree = new TempTree();
        tree.Write("notes.txt", "not an input");
        var (code, output, error) = await Run(ParseOutputMode.Status, tree.Root);
        Assert.Equal(0, code);
        Assert.Equal("", output);
        Assert.StartsWith("no input units", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_mode_ends_with_totals()
    {
        var (code, output, _) = await Run(ParseOutputMode.Summary, Path.Combine(SamplePaths.Samples, "malformed"));
        Assert.Equal(2, code);
        Assert.EndsWith(" malformed\n", output.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("0 sed, 1 not-sed,", output);
    }
}
