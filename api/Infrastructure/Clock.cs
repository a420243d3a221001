namespace Vivapolis.Api.Infrastructure;

public static class Clock
{
    /// <summary>
    /// Now, cut to the microsecond PostgreSQL keeps, so that a time read back from a column equals the one
    /// in the stored JSON and in cursors.
    /// </summary>
    public static DateTimeOffset Now(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }
}
