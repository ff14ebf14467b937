using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ingest.Normalization.Employers;

namespace Ingest.Tests.Normalization;

public sealed class EmployerIdNormalizerTests
{
    [Property(MaxTest = 300)]
    public Property Siren_siret_and_french_vat_of_one_company_share_a_key() =>
        Prop.ForAll(PinGen.Siren().SelectMany(siren => PinGen.DigitsOf(4).Select(nic => (siren, nic))).ToArbitrary(), t =>
        {
            var siretBody = t.siren + t.nic;
            var siret = siretBody + Luhn.CheckDigit(siretBody);
            var vat = "FR" + EmployerIdNormalizer.FrenchVatKey(t.siren).ToString("00") + t.siren;
            var a = EmployerIdNormalizer.Normalize(t.siren);
            var b = EmployerIdNormalizer.Normalize(siret);
            var c = EmployerIdNormalizer.Normalize(vat);
            return a.Valid && a.Kind == EmployerIdKind.Siren
                && c.Valid && c.Kind == EmployerIdKind.Vat
                && a.Key == c.Key && a.Key == b.Key && b.Kind == EmployerIdKind.Siret;
        });

    [Property(MaxTest = 300)]
    public Property Formatting_never_changes_the_value() =>
        Prop.ForAll(PinGen.Siret().SelectMany(s => PinGen.Formatted(s).Select(f => (s, f))).ToArbitrary(), t =>
        {
            var plain = EmployerIdNormalizer.Normalize(t.s);
            var formatted = EmployerIdNormalizer.Normalize(t.f);
            return plain.Valid && formatted == plain with { Raw = t.f };
        });

    [Property(MaxTest = 300)]
    public Property Single_digit_change_breaks_luhn() =>
        Prop.ForAll(PinGen.Siren().SelectMany(s => Gen.Choose(0, 8).Zip(Gen.Choose(1, 9)).Select(c => (s, c.Item1, c.Item2))).ToArbitrary(), t =>
        {
            var (siren, pos, delta) = t;
            var changed = siren[..pos] + (char)('0' + (siren[pos] - '0' + delta) % 10) + siren[(pos + 1)..];
            return !EmployerIdNormalizer.Normalize(changed).Valid;
        });

    [Theory]
    [InlineData("732 829 320", EmployerIdKind.Siren, true)]
    [InlineData("732 829 321", EmployerIdKind.Siren, false)]
    [InlineData("FR44732829320", EmployerIdKind.Vat, true)]
    [InlineData("FR45732829320", EmployerIdKind.Vat, false)]
    [InlineData("DE123456789", EmployerIdKind.Vat, true)]
    [InlineData("EL123456789", EmployerIdKind.Vat, true)]
    [InlineData("HRB 12345", EmployerIdKind.Other, true)]
    [InlineData("", EmployerIdKind.Empty, false)]
    // All zeros passes Luhn, but is the placeholder of an unknown number: no number, no key to share.
    [InlineData("000 000 000", EmployerIdKind.Empty, false)]
    [InlineData("00000000000000", EmployerIdKind.Empty, false)]
    [InlineData("FR00000000000", EmployerIdKind.Empty, false)]
    [InlineData("FR12000000000", EmployerIdKind.Empty, false)]
    // Each member state's VAT shape (check digits other than FR's are not verified).
    [InlineData("DE12", EmployerIdKind.Vat, false)]
    [InlineData("ATU12345678", EmployerIdKind.Vat, true)]
    [InlineData("AT12345678", EmployerIdKind.Vat, false)]
    [InlineData("NL123456789B01", EmployerIdKind.Vat, true)]
    [InlineData("NL123456789", EmployerIdKind.Vat, false)]
    [InlineData("IE1234567T", EmployerIdKind.Vat, true)]
    [InlineData("IE1S23456T", EmployerIdKind.Vat, true)]
    [InlineData("PL5261040828", EmployerIdKind.Vat, true)]
    [InlineData("PL526104082", EmployerIdKind.Vat, false)]
    [InlineData("ESB12345678", EmployerIdKind.Vat, true)]
    [InlineData("GB123456789", EmployerIdKind.Vat, true)]
    [InlineData("GBGD123", EmployerIdKind.Vat, true)]
    public void Known_ids(string raw, EmployerIdKind kind, bool valid)
    {
        var id = EmployerIdNormalizer.Normalize(raw, raw.StartsWith("HRB", StringComparison.Ordinal) ? "DE" : null);
        Assert.Equal(kind, id.Kind);
        Assert.Equal(valid, id.Valid);
    }

    [Fact]
    public void Greek_vat_uses_the_internal_country()
    {
        Assert.Equal("GR:123456789", EmployerIdNormalizer.Normalize("EL 123 456 789").Key);
        Assert.Equal("FR:732829320", EmployerIdNormalizer.Normalize("FR 44 732829320").Key);
    }

    [Fact]
    public void A_uk_vat_number_is_one_key_with_its_gb_or_northern_irish_prefix()
    {
        var gb = EmployerIdNormalizer.Normalize("GB 123 4567 89");
        var xi = EmployerIdNormalizer.Normalize("XI123456789");
        Assert.Equal(EmployerIdKind.Vat, gb.Kind);
        Assert.Equal("GB:123456789", gb.Key);
        Assert.Equal(gb.Key, xi.Key);
    }
}
