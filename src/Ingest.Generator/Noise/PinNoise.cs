using System.Text;

namespace Ingest.Generator.Noise;

/// <summary>PINs as people type them: grouped with spaces, dots, dashes or slashes.</summary>
public static class PinNoise
{
    public static string Spaced(string pin) => Group(pin, ' ', 3);

    public static string Group(string pin, char separator, int size)
    {
        var sb = new StringBuilder(pin.Length + pin.Length / size);
        for (var i = 0; i < pin.Length; i++)
        {
            if (i > 0 && i % size == 0 && pin[i] != '/' && pin[i - 1] != '/')
            {
                sb.Append(separator);
            }
            sb.Append(pin[i]);
        }
        return sb.ToString();
    }
}
