using System.Text;

namespace Ingest.Tests.Xml;

/// <summary>
/// Builds a random well-formed XML 1.0 document with namespaces (no DOCTYPE) from a seed:
/// XML declaration, BOM, prolog and epilog misc, nested elements, prefixed and default namespaces,
/// attributes with references and whitespace, text with entities, character references, CR/CRLF,
/// non-ASCII, CDATA, comments and processing instructions.
/// </summary>
internal sealed class RandomXmlDocument
{
    private static readonly string[] s_names = ["a", "b", "item", "x-y", "x.y", "_u", "n1", "é", "Größe", "名前", "Person", "value"];
    private static readonly string[] s_asciiNames = ["a", "b", "item", "x-y", "x.y", "_u", "n1", "Person", "value", "PersonalIdentificationNumber"];
    private static readonly string[] s_words = ["Hansen", "Kari", "1980-01-31", " ", "  ", "NO", "ä", "€", "😀", "ø", "x", "0155"];
    private readonly Random _random;
    private readonly StringBuilder _sb = new();
    private readonly bool _plain;
    private int _uriCounter;

    private RandomXmlDocument(int seed, bool plain)
    {
        _random = new Random(seed);
        _plain = plain;
    }

    public static string Build(int seed, int size)
    {
        var doc = new RandomXmlDocument(seed, plain: false);
        return doc.Document(Math.Clamp(size, 1, 40));
    }

    /// <summary>
    /// Only what SEDs are made of (the fast reader's subset): no comment, PI, CDATA, CR or character
    /// reference, ASCII names, unprefixed attributes with plain values; text keeps entities, non-ASCII and ']'.
    /// </summary>
    public static string BuildPlain(int seed, int size)
    {
        var doc = new RandomXmlDocument(seed, plain: true);
        return doc.Document(Math.Clamp(size, 1, 40));
    }

    private string Document(int size)
    {
        if (Chance(0.2))
        {
            _sb.Append('\uFEFF');
        }
        if (Chance(0.6))
        {
            var q = Chance(0.5) ? '"' : '\'';
            _sb.Append("<?xml version=").Append(q).Append("1.0").Append(q);
            if (Chance(0.5))
            {
                _sb.Append(" encoding=").Append(q).Append(Chance(0.5) ? "UTF-8" : "utf-8").Append(q);
            }
            if (Chance(0.3))
            {
                _sb.Append(" standalone=").Append(q).Append("yes").Append(q);
            }
            _sb.Append("?>");
        }
        Misc();
        Element(new List<(string Prefix, string Uri)>(), size, 0);
        Misc();
        return _sb.ToString();
    }

    private void Misc()
    {
        if (_plain)
        {
            _sb.Append(Pick(["", "\n", " "]));
            return;
        }
        var n = _random.Next(3);
        for (var i = 0; i < n; i++)
        {
            switch (_random.Next(4))
            {
                case 0: _sb.Append(Pick(["\n", "\r\n", "  ", "\t"])); break;
                case 1: Comment(); break;
                case 2: _sb.Append("<?pi data ?>"); break;
                default: _sb.Append('\n'); break;
            }
        }
    }

    private void Element(List<(string Prefix, string Uri)> scope, int budget, int depth)
    {
        var local = scope.ToList();
        var decls = new StringBuilder();
        if (Chance(0.3))
        {
            var uri = Chance(0.15) ? "" : NewUri();
            decls.Append(" xmlns=\"").Append(uri).Append('"');
            local.Add(("", uri));
        }
        if (Chance(0.3))
        {
            var prefix = Pick(["p", "q", "ns1"]);
            var uri = NewUri();
            decls.Append(" xmlns:").Append(prefix).Append("=\"").Append(uri).Append('"');
            local.RemoveAll(s => s.Prefix == prefix);
            local.Add((prefix, uri));
        }
        var prefixes = local.Where(s => s.Prefix.Length > 0).Select(s => s.Prefix).Distinct().ToList();
        var name = Pick(_plain ? s_asciiNames : s_names);
        var qname = prefixes.Count > 0 && Chance(0.4) ? Pick(prefixes) + ":" + name : name;
        _sb.Append('<').Append(qname).Append(decls);
        var used = new HashSet<string>();
        var attrs = _random.Next(4);
        for (var i = 0; i < attrs; i++)
        {
            var attrLocal = Pick(_plain ? s_asciiNames : s_names);
            if (!used.Add(attrLocal))
            {
                continue;
            }
            var attrName = !_plain && prefixes.Count > 0 && Chance(0.3) ? Pick(prefixes) + ":" + attrLocal : attrLocal;
            _sb.Append(Pick([" ", "\n", "\t", "  "])).Append(attrName).Append(Chance(0.2) ? " = " : "=");
            AttributeValue();
        }
        if (budget <= 1 || depth > 6 || Chance(0.15))
        {
            _sb.Append(Chance(0.5) ? "/>" : " />");
            return;
        }
        _sb.Append('>');
        var children = _random.Next(0, 5);
        var remaining = budget - 1;
        for (var c = 0; c < children && remaining > 0; c++)
        {
            switch (_plain ? _random.Next(3) : _random.Next(6))
            {
                case 0:
                case 1:
                    var share = Math.Max(1, remaining / Math.Max(1, children - c));
                    Element(local, share, depth + 1);
                    remaining -= share;
                    break;
                case 2: Text(); break;
                case 3: _sb.Append("<![CDATA[").Append(Pick(["a<b>&c", "]]", "x]y", "", "line\r\nnext", "é"])).Append("]]>"); break;
                case 4: Comment(); break;
                default: _sb.Append(Pick(["\n  ", "\r\n", " "])); break;
            }
        }
        Text();
        _sb.Append("</").Append(qname).Append(Chance(0.2) ? " >" : ">");
    }

    private void Text()
    {
        var n = _random.Next(5);
        for (var i = 0; i < n; i++)
        {
            _sb.Append((_plain ? Pick([0, 3, 5, 5]) : _random.Next(10)) switch
            {
                0 => Pick(["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]),
                1 => Pick(["&#65;", "&#x20AC;", "&#xD;", "&#10;", "&#x1F600;", "&#0065;"]),
                2 => Pick(["\r\n", "\r", "\n", "\t"]),
                3 => "]",
                4 => "<?pi x?>",
                _ => Pick(s_words),
            });
        }
    }

    private void AttributeValue()
    {
        var q = Chance(0.7) ? '"' : '\'';
        _sb.Append(q);
        var n = _random.Next(5);
        if (_plain)
        {
            _sb.Append(Pick(["Hansen", "NO", "", "1980-01-31", "a > b", "x y"])).Append(q);
            return;
        }
        for (var i = 0; i < n; i++)
        {
            _sb.Append(_random.Next(8) switch
            {
                0 => Pick(["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]),
                1 => Pick(["&#9;", "&#10;", "&#13;", "&#x20AC;"]),
                2 => Pick(["\r\n", "\r", "\n", "\t"]),
                3 => q == '"' ? "'" : "\"",
                4 => ">",
                _ => Pick(s_words),
            });
        }
        _sb.Append(q);
    }

    private void Comment() => _sb.Append("<!--").Append(Pick([" note ", "", "a-b", "é\r\n"])).Append("-->");

    private string NewUri() => "urn:test:" + (++_uriCounter) + Pick(["", "/A009", "#x"]);

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
