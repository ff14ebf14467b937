using System.Text;
using System.Text.Json;
using Ingest.Core.Collections;

namespace Ingest.Core.Reference.Reading;

/// <summary>
/// Decodes one reference record from its JSON object (one line of a reference file, or one Kafka
/// record of the reference topics) straight from UTF-8, with the recurring values interned. Accepts
/// what the serializer of <see cref="ReferenceJsonl"/> writes and any equivalent JSON: members in any
/// order, unknown members skipped, nulls for optional members, escaped names and values. A missing
/// required member, a wrong type or malformed JSON throws <see cref="JsonException"/>. Not thread-safe:
/// one reader per decoding thread.
/// </summary>
internal sealed class ReferenceRecordReader
{
    private static readonly JsonFieldNames s_a1Fields = new(
        "documentNumber", "securityCode", "issuer", "issuedOn", "familyName", "forename", "familyNameAtBirth",
        "dateBirth", "sex", "nationalities", "pin", "pinCountry", "employerName", "employerId", "employerCountry",
        "selfEmployed", "legislationState", "article", "start", "end", "status", "workCountries");

    private static readonly JsonFieldNames s_declarationFields = new(
        "declarationId", "version", "status", "filedOn", "employerName", "employerId", "employerCountry",
        "clientName", "clientSiret", "siteTown", "sitePostalCode", "workerFamilyName", "workerForename",
        "workerDateBirth", "workerNationality", "workerPin", "workerPinCountry", "hireDate", "start", "end", "a1Number");

    private readonly Utf8StringPool _pool = new();
    private readonly List<string> _list = new(4);
    private byte[] _scratch = new byte[256];

    public A1Certificate ReadA1(ReadOnlySpan<byte> json)
    {
        var reader = Open(json);
        string? documentNumber = null, securityCode = null, issuer = null, issuedOn = null, familyName = null, forename = null,
            familyNameAtBirth = null, dateBirth = null, sex = null, pin = null, pinCountry = null, employerName = null,
            employerId = null, employerCountry = null, legislationState = null, article = null, start = null, end = null, status = null;
        IReadOnlyList<string> nationalities = [], workCountries = [];
        var selfEmployed = false;
        while (NextMember(ref reader, s_a1Fields, out var field))
        {
            switch (field)
            {
                case 0: documentNumber = Unique(ref reader); break;
                case 1: securityCode = Unique(ref reader); break;
                case 2: issuer = Pooled(ref reader); break;
                case 3: issuedOn = Pooled(ref reader); break;
                case 4: familyName = Pooled(ref reader); break;
                case 5: forename = Pooled(ref reader); break;
                case 6: familyNameAtBirth = Pooled(ref reader); break;
                case 7: dateBirth = Pooled(ref reader); break;
                case 8: sex = Pooled(ref reader); break;
                case 9: nationalities = Strings(ref reader); break;
                case 10: pin = Unique(ref reader); break;
                case 11: pinCountry = Pooled(ref reader); break;
                case 12: employerName = Pooled(ref reader); break;
                case 13: employerId = Pooled(ref reader); break;
                case 14: employerCountry = Pooled(ref reader); break;
                case 15: selfEmployed = Boolean(ref reader); break;
                case 16: legislationState = Pooled(ref reader); break;
                case 17: article = Pooled(ref reader); break;
                case 18: start = Pooled(ref reader); break;
                case 19: end = Pooled(ref reader); break;
                case 20: status = Pooled(ref reader); break;
                case 21: workCountries = Strings(ref reader); break;
                default: reader.Skip(); break;
            }
        }
        End(ref reader);
        return new A1Certificate
        {
            DocumentNumber = Required(documentNumber, "documentNumber"),
            SecurityCode = Required(securityCode, "securityCode"),
            Issuer = Required(issuer, "issuer"),
            IssuedOn = Required(issuedOn, "issuedOn"),
            FamilyName = Required(familyName, "familyName"),
            Forename = Required(forename, "forename"),
            FamilyNameAtBirth = familyNameAtBirth,
            DateBirth = Required(dateBirth, "dateBirth"),
            Sex = sex,
            Nationalities = nationalities,
            Pin = pin,
            PinCountry = pinCountry,
            EmployerName = employerName,
            EmployerId = employerId,
            EmployerCountry = employerCountry,
            SelfEmployed = selfEmployed,
            LegislationState = Required(legislationState, "legislationState"),
            Article = Required(article, "article"),
            Start = Required(start, "start"),
            End = end,
            Status = Required(status, "status"),
            WorkCountries = workCountries,
        };
    }

    public PostingDeclaration ReadDeclaration(ReadOnlySpan<byte> json)
    {
        var reader = Open(json);
        string? declarationId = null, status = null, filedOn = null, employerName = null, employerId = null, employerCountry = null,
            clientName = null, clientSiret = null, siteTown = null, sitePostalCode = null, workerFamilyName = null, workerForename = null,
            workerDateBirth = null, workerNationality = null, workerPin = null, workerPinCountry = null, hireDate = null, start = null,
            end = null, a1Number = null;
        var version = 1;
        while (NextMember(ref reader, s_declarationFields, out var field))
        {
            switch (field)
            {
                case 0: declarationId = Unique(ref reader); break;
                case 1: version = Int32(ref reader); break;
                case 2: status = Pooled(ref reader); break;
                case 3: filedOn = Pooled(ref reader); break;
                case 4: employerName = Pooled(ref reader); break;
                case 5: employerId = Pooled(ref reader); break;
                case 6: employerCountry = Pooled(ref reader); break;
                case 7: clientName = Pooled(ref reader); break;
                case 8: clientSiret = Pooled(ref reader); break;
                case 9: siteTown = Pooled(ref reader); break;
                case 10: sitePostalCode = Pooled(ref reader); break;
                case 11: workerFamilyName = Pooled(ref reader); break;
                case 12: workerForename = Pooled(ref reader); break;
                case 13: workerDateBirth = Pooled(ref reader); break;
                case 14: workerNationality = Pooled(ref reader); break;
                case 15: workerPin = Unique(ref reader); break;
                case 16: workerPinCountry = Pooled(ref reader); break;
                case 17: hireDate = Pooled(ref reader); break;
                case 18: start = Pooled(ref reader); break;
                case 19: end = Pooled(ref reader); break;
                case 20: a1Number = Unique(ref reader); break;
                default: reader.Skip(); break;
            }
        }
        End(ref reader);
        return new PostingDeclaration
        {
            DeclarationId = Required(declarationId, "declarationId"),
            Version = version,
            Status = Required(status, "status"),
            FiledOn = Required(filedOn, "filedOn"),
            EmployerName = Required(employerName, "employerName"),
            EmployerId = employerId,
            EmployerCountry = Required(employerCountry, "employerCountry"),
            ClientName = clientName,
            ClientSiret = clientSiret,
            SiteTown = siteTown,
            SitePostalCode = sitePostalCode,
            WorkerFamilyName = Required(workerFamilyName, "workerFamilyName"),
            WorkerForename = Required(workerForename, "workerForename"),
            WorkerDateBirth = Required(workerDateBirth, "workerDateBirth"),
            WorkerNationality = workerNationality,
            WorkerPin = workerPin,
            WorkerPinCountry = workerPinCountry,
            HireDate = hireDate,
            Start = Required(start, "start"),
            End = Required(end, "end"),
            A1Number = a1Number,
        };
    }

    private static Utf8JsonReader Open(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 8 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a reference record must be a JSON object");
        }
        return reader;
    }

    /// <summary>Moves to the next member's value; false at the end of the object.</summary>
    private bool NextMember(ref Utf8JsonReader reader, JsonFieldNames fields, out int field)
    {
        if (!reader.Read())
        {
            throw new JsonException("the record ends before its closing brace");
        }
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            field = -1;
            return false;
        }
        field = fields.Find(reader.ValueIsEscaped ? Unescaped(ref reader) : reader.ValueSpan);
        if (!reader.Read())
        {
            throw new JsonException("the record ends inside a member");
        }
        return true;
    }

    private static void End(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new JsonException($"unexpected {reader.TokenType} after the record");
        }
    }

    private static string Required(string? value, string name) =>
        value ?? throw new JsonException($"required member '{name}' is missing or null");

    private string? Pooled(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => _pool.Get(reader.ValueIsEscaped ? Unescaped(ref reader) : reader.ValueSpan),
        _ => throw Expected("a string", ref reader),
    };

    private string? Unique(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => Encoding.UTF8.GetString(reader.ValueIsEscaped ? Unescaped(ref reader) : reader.ValueSpan),
        _ => throw Expected("a string", ref reader),
    };

    private IReadOnlyList<string> Strings(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Expected("an array of strings", ref reader);
        }
        _list.Clear();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            _list.Add(Pooled(ref reader) ?? throw new JsonException("null inside an array of strings"));
        }
        return _list.Count switch { 0 => [], 1 => SingleStringArrays.Shared.Of(_list[0]), _ => _list.ToArray() };
    }

    private static bool Boolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Expected("true or false", ref reader),
    };

    private static int Int32(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : throw Expected("a 32-bit integer", ref reader);

    private ReadOnlySpan<byte> Unescaped(ref Utf8JsonReader reader)
    {
        // Unescaping never lengthens a value.
        var needed = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (_scratch.Length < needed)
        {
            _scratch = new byte[Math.Max(needed, _scratch.Length * 2)];
        }
        try
        {
            return _scratch.AsSpan(0, reader.CopyString(_scratch));
        }
        catch (InvalidOperationException e)
        {
            // An escape that is no text (a lone surrogate such as \udc00): bad data like any other, not a crash.
            throw new JsonException($"{e.Message} (string at byte {reader.TokenStartIndex})", e);
        }
    }

    private static JsonException Expected(string what, ref Utf8JsonReader reader) =>
        new($"expected {what}, found {reader.TokenType} at byte {reader.TokenStartIndex}");
}
