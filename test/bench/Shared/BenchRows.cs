using System.Globalization;

namespace GraphLite.Bench;

/// <summary>
/// The rows every server under test is loaded with, so the same keys and filter values work on each.
/// </summary>
/// <remarks>Compiled into the ceiling, the loader and the runner; the wrk script builds the same keys.</remarks>
internal static class BenchRows
{
    /// <summary>The start of every key; the last 12 hexadecimal digits are the row index.</summary>
    public const string KeyPrefix = "00000000-0000-4000-8000-";

    /// <summary>The key of row <paramref name="index"/>: a lower-case GUID with the index in its last group.</summary>
    public static string Key(long index) => KeyPrefix + index.ToString("x12", CultureInfo.InvariantCulture);

    public static string ParticipantId(long index) => "participant-" + index.ToString("D7", CultureInfo.InvariantCulture);
}
