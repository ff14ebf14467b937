using System.Text.Json;

namespace Ingest.Generator.Output;

/// <summary>manifest.json: how the corpus was made and what it holds (no timings, so it is reproducible too).</summary>
public static class Manifest
{
    public static void Write(string path, GeneratorOptions o, OutputLayout layout, CorpusSummary s)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("generator", "ingest generate");
        w.WriteString("generatorVersion", CorpusGenerator.Version);
        w.WriteNumber("seed", o.Seed);
        w.WriteStartObject("options");
        w.WriteNumber("seds", o.Seds);
        w.WriteString("noise", o.Noise.ToString().ToLowerInvariant());
        w.WriteNumber("a1", o.EffectiveA1Count);
        w.WriteNumber("declarations", o.EffectiveDeclarationCount);
        w.WriteString("startDate", o.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteNumber("days", o.Days);
        w.WriteNumber("injectionShare", o.InjectionShare);
        w.WriteNumber("thirdCountryShare", o.ThirdCountryShare);
        w.WriteString("layout", layout.ToString().ToLowerInvariant());
        w.WriteEndObject();
        w.WriteStartObject("counts");
        w.WriteNumber("seds", s.Seds);
        w.WriteNumber("malformed", s.Malformed);
        w.WriteNumber("duplicateDeliveries", s.Duplicates);
        w.WriteNumber("a1", s.A1s);
        w.WriteNumber("declarations", s.Declarations);
        w.WriteNumber("batchDays", s.Days);
        w.WriteNumber("xmlBytes", s.XmlBytes);
        Map(w, "bySedType", s.ByType);
        Map(w, "byCdmVersion", s.ByCdm);
        Map(w, "rulePositives", s.RulePositives);
        Map(w, "ruleNearMisses", s.RuleNearMisses);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Map(Utf8JsonWriter w, string name, SortedDictionary<string, long> map)
    {
        w.WriteStartObject(name);
        foreach (var (k, v) in map)
        {
            w.WriteNumber(k, v);
        }
        w.WriteEndObject();
    }
}
