using System.Security.Cryptography;

namespace PmBot.Core.Domain;

/// <summary>
/// New random (version 4) ids for entities, as unguessable as <see cref="Guid.NewGuid"/> and far cheaper: random bytes
/// come from the operating system's generator 4 KB at a time (one call per 256 ids) instead of one call per id. Every
/// entity draws one when constructed, also when EF Core builds it for a row it reads (and then overwrites the id):
/// a digest of 10,000 tasks builds tens of thousands, and one system call each measured 1.7 µs on a small VM.
/// </summary>
public static class NewId
{
    private const int BufferSize = 4096;

    [ThreadStatic]
    private static byte[]? _buffer;

    [ThreadStatic]
    private static int _offset;

    public static Guid Next()
    {
        var buffer = _buffer ??= new byte[BufferSize];
        if (_offset == 0 || _offset == BufferSize)
        {
            RandomNumberGenerator.Fill(buffer);
            _offset = 0;
        }
        var bytes = buffer.AsSpan(_offset, 16);
        _offset += 16;
        // RFC 9562 version 4 and variant bits (Guid's byte order keeps the version in the high nibble of byte 7).
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var id = new Guid(bytes);
        bytes.Clear(); // handed out once
        return id;
    }
}
