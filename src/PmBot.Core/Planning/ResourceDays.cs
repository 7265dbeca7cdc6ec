namespace PmBot.Core.Planning;

/// <summary>
/// A resource's working days as a subset of the project's working-day indices: the project days minus the sorted
/// indices of its days off. Rank and Select turn between "project working day k" and "the resource's j-th working day"
/// in O(log days off).
/// </summary>
internal sealed class ResourceDays(int[] daysOff)
{
    private readonly int[] _off = daysOff;

    /// <summary>The resource's working days strictly before project day <paramref name="k"/> (up to a constant shift).</summary>
    public int Rank(int k) => k - CountBelow(k);

    /// <summary>The project day index of the resource's working day with rank <paramref name="j"/>.</summary>
    public int Select(int j)
    {
        var k = j;
        while (true)
        {
            var next = j + CountBelow(k + 1);
            if (next == k)
                return k;
            k = next;
        }
    }

    /// <summary>Days off with index below <paramref name="k"/>.</summary>
    private int CountBelow(int k)
    {
        int lo = 0, hi = _off.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_off[mid] < k)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}
