using FsCheck;
using FsCheck.Fluent;
using Ingest.Normalization.Employers;
using Ingest.Normalization.Pins;

namespace Ingest.Tests.Normalization;

/// <summary>Valid national PINs built from random digits with the check computed per the national rule.</summary>
internal static class PinGen
{
    public static Gen<string> DigitsOf(int n) => Gen.Choose(0, 9).ArrayOf(n).Select(a => string.Concat(a));

    public static Gen<(string Country, string Pin)> AnyValid() => Gen.OneOf(
        FrNir().Select(p => ("FR", p)),
        PlPesel().Select(p => ("PL", p)),
        RoCnp().Select(p => ("RO", p)),
        Gen.Elements(false, true).Zip(DigitsOf(9)).Select(t => ("BE", t.Item2 + BelgianNationalNumber.Check(t.Item2, t.Item1).ToString("00"))),
        ItCf().Select(p => ("IT", p)),
        BgEgn().Select(p => ("BG", p)),
        CzSkBirthNumber().Select(p => ("CZ", p)),
        CzSkBirthNumber().Select(p => ("SK", p)),
        DeRvnr().Select(p => ("DE", p)),
        EsDni().Select(p => ("ES", p)),
        PtNif().Select(p => ("PT", p)),
        NlBsn().Select(p => ("NL", p)));

    /// <summary>A birth date between 1900 and 2099 (every day of it possible, 29 February included).</summary>
    public static Gen<DateOnly> BirthDate() => Gen.Choose(0, 73_048).Select(d => new DateOnly(1900, 1, 1).AddDays(d));

    private static string Two(int n) => (n % 100).ToString("00");

    public static Gen<string> PlPesel() =>
        from d in BirthDate()
        from rest in DigitsOf(4)
        let b = Two(d.Year) + Two(d.Month + (d.Year >= 2000 ? 20 : 0)) + Two(d.Day) + rest
        select b + PolishPesel.Check(b);

    public static Gen<string> BgEgn() =>
        from d in BirthDate()
        from rest in DigitsOf(3)
        let b = Two(d.Year) + Two(d.Month + (d.Year >= 2000 ? 40 : 0)) + Two(d.Day) + rest
        select b + BulgarianEgn.Check(b);

    public static Gen<string> RoCnp() =>
        from d in BirthDate()
        from female in Gen.Elements(0, 1)
        from county in Gen.Choose(1, 52)
        from rest in DigitsOf(3)
        let b = (d.Year >= 2000 ? 5 + female : 1 + female) + Two(d.Year) + Two(d.Month) + Two(d.Day) + Two(county) + rest
        select b + RomanianCnp.Check(b);

    /// <summary>Ten-digit numbers, so born from 1954 on (two-digit years 54–99 the 1900s, 00–53 the 2000s).</summary>
    public static Gen<string> CzSkBirthNumber() =>
        from d in BirthDate().Where(d => d.Year is >= 1954 and <= 2053)
        from female in Gen.Elements(0, 50)
        from rest in DigitsOf(3)
        let b = Two(d.Year) + Two(d.Month + female) + Two(d.Day) + rest
        select b + CzechSlovakBirthNumber.Check(b);

    public static Gen<string> PtNif() =>
        from first in Gen.Elements("1", "2", "3", "5", "6", "8", "45", "70", "99")
        from rest in DigitsOf(8 - first.Length)
        let b = first + rest
        select b + PortugueseNif.Check(b);

    public static Gen<string> FrNir() =>
        from sex in Gen.Elements("1", "2")
        from yymm in DigitsOf(2).Zip(Gen.Choose(1, 12)).Select(t => t.Item1 + t.Item2.ToString("00"))
        from dept in Gen.Elements("75", "13", "2A", "2B", "69", "99")
        from rest in DigitsOf(6)
        let body = sex + yymm + dept + rest
        select body + FrenchNir.ComputeKey(body).ToString("00");

    public static Gen<string> ItCf() =>
        from letters in Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray()).ArrayOf(6)
        from yy in DigitsOf(2)
        from month in Gen.Elements("ABCDEHLMPRST".ToCharArray())
        from dd in Gen.Choose(1, 31).Zip(Gen.Elements(0, 40)).Select(t => Two(t.Item1 + t.Item2))
        from town in Gen.Elements("ABCDEFGHIJKLMZ".ToCharArray())
        from code in DigitsOf(3)
        let body = new string(letters) + yy + month + dd + town + code
        select body + ItalianCodiceFiscale.Check(body);

    public static Gen<string> DeRvnr() =>
        from head in DigitsOf(8)
        from letter in Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray())
        from serial in DigitsOf(2)
        let body = head + letter + serial + "0"
        select body[..11] + GermanRvnr.Check(body);

    public static Gen<string> EsDni() =>
        from prefix in Gen.Elements("", "X", "Y", "Z")
        from digits in DigitsOf(prefix.Length == 0 ? 8 : 7)
        let numeric = (prefix switch { "X" => "0", "Y" => "1", "Z" => "2", _ => "" }) + digits
        select prefix + digits + SpanishDocument.Letter(numeric);

    public static Gen<string> NlBsn() =>
        DigitsOf(8).Where(b => DutchBsn.Check(b) >= 0 && b != "00000000").Select(b => b + DutchBsn.Check(b));

    public static Gen<string> Siren() => DigitsOf(8).Select(b => b + Luhn.CheckDigit(b));

    public static Gen<string> Siret() => DigitsOf(13).Select(b => b + Luhn.CheckDigit(b)).Where(s => !s.StartsWith("356000000", StringComparison.Ordinal));

    /// <summary>The same PIN with separators inserted at random places.</summary>
    public static Gen<string> Formatted(string pin) =>
        Gen.Elements(" ", ".", "/", "-", "", "  ").ArrayOf(pin.Length + 1).Select(seps =>
        {
            var sb = new System.Text.StringBuilder();
            for (var i = 0; i < pin.Length; i++)
            {
                sb.Append(seps[i]).Append(pin[i]);
            }
            return sb.Append(seps[^1]).ToString();
        });
}
