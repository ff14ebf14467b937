namespace Ingest.Generator.Population.Pins;

/// <summary>
/// German pension insurance number: area (2), DDMMYY, initial of the birth name, serial (00–49 men,
/// 50–99 women), check digit: the letter becomes its two-digit alphabet position, the 12 digits are
/// weighted 2 1 2 5 7 1 2 1 2 1 2 1, the cross sums of the products are added, mod 10.
/// </summary>
public sealed class DeRentenversicherungsnummer : IPinFormat
{
    private static readonly int[] s_weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
    private static readonly string[] s_areas = ["02", "03", "04", "08", "09", "10", "11", "12", "13", "15", "16", "17", "18", "19", "21", "23", "24", "25", "26", "28", "29", "38", "39", "40", "42", "43", "44", "45", "46", "47", "48", "49", "50", "51", "52", "53", "54", "55", "56", "57", "58", "59", "60", "61", "62", "63", "64", "65", "66", "67", "68", "69", "70", "71", "72", "73", "74", "75", "76", "77", "78", "79", "80", "81", "82", "89"];

    public string Country => "DE";

    public bool HasCheck => true;

    public string Generate(PinSubject s, DetRandom rng)
    {
        var d = s.BirthDate;
        var letters = NameFolding.AsciiUpperLetters(s.FamilyName);
        var initial = letters.Length > 0 ? letters[0] : 'X';
        var serial = rng.Next(50) + (s.Female ? 50 : 0);
        var body = rng.Pick(s_areas) + PinDigits.Two(d.Day) + PinDigits.Two(d.Month) + PinDigits.Two(d.Year % 100) + initial + PinDigits.Two(serial);
        return body + (char)('0' + Check(body));
    }

    private static int Check(string body11)
    {
        var letterValue = body11[8] - 'A' + 1;
        var digits = body11[..8] + PinDigits.Two(letterValue) + body11[9..11];
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            var p = PinDigits.At(digits, i) * s_weights[i];
            sum += p / 10 + p % 10;
        }
        return sum % 10;
    }

    public bool IsValid(string pin) =>
        pin.Length == 12 && PinDigits.AllDigits(pin.AsSpan(0, 8)) && pin[8] is >= 'A' and <= 'Z'
        && PinDigits.AllDigits(pin.AsSpan(9)) && Check(pin[..11]) == PinDigits.At(pin, 11);
}
