using System.Buffers.Binary;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;

namespace Vivapolis.Api.Infrastructure;

/// <summary>
/// An opaque keyset position: the sort key (a time in ticks, or a number) and the id of the last item of a
/// page. Base64url of 24 bytes, so clients cannot build one by hand and anything else is rejected as a 400.
/// </summary>
public readonly record struct Cursor(long Key, Guid Id)
{
    public static Cursor At(DateTimeOffset time, Guid id) => new(time.UtcTicks, id);

    public DateTimeOffset Time => new(Key, TimeSpan.Zero);

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[24];
        BinaryPrimitives.WriteInt64BigEndian(bytes, Key);
        Id.TryWriteBytes(bytes[8..]);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string? text, [NotNullWhen(true)] out Cursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length != 32) return false;
        // 32 characters that decode to 24 bytes are the canonical text of those bytes (no padding, no white space).
        if (!Base64Url.IsValid(text, out var length) || length != 24) return false;
        Span<byte> bytes = stackalloc byte[24];
        Base64Url.DecodeFromChars(text, bytes);
        var key = BinaryPrimitives.ReadInt64BigEndian(bytes);
        // Every key we issue is a time in ticks or a non-negative number, both within DateTime's range; any other
        // key was made by hand, and reading it as a time would throw (a 500 instead of a 400).
        if (key < DateTime.MinValue.Ticks || key > DateTime.MaxValue.Ticks) return false;
        cursor = new Cursor(key, new Guid(bytes[8..]));
        return true;
    }

    public static bool IsValidOrAbsent(string? text) => string.IsNullOrEmpty(text) || TryDecode(text, out _);
}
