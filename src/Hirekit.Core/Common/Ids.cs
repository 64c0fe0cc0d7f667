using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Hirekit.Core.Common;

/// <summary>
/// New identifiers are UUIDv7 (RFC 9562): time-ordered, so indexes stay append-mostly, and unique
/// across nodes through 62 random bits.
/// </summary>
/// <remarks>
/// Contract: within one process every id is greater than the one before it, so "newest first"
/// lists that order by id (the audit log, histories, keyset pages) keep the order in which things
/// happened even inside one millisecond. <see cref="Guid.CreateVersion7()"/> does not promise
/// that: it fills everything below the millisecond with random bits. Here the 12 bits after the
/// millisecond (<c>rand_a</c>) hold the time below it, in 4,096ths (RFC 9562 section 6.2,
/// method 3), and a value that would not be greater than the last one is the last one plus one,
/// so ids also keep rising when the clock steps back (ADR 33).
/// </remarks>
public static class Ids
{
    private const long TicksPerMillisecond = TimeSpan.TicksPerMillisecond;

    // The last (unix milliseconds << 12 | fraction) handed out; only ever rises.
    private static long last;

    public static Guid New() => New(DateTimeOffset.UtcNow);

    /// <summary>An id for <paramref name="now"/>, or just after the last id if that is later.</summary>
    internal static Guid New(DateTimeOffset now)
    {
        var sinceEpoch = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var milliseconds = sinceEpoch / TicksPerMillisecond;
        var fraction = sinceEpoch % TicksPerMillisecond * 4096 / TicksPerMillisecond;
        var stamp = (milliseconds << 12) | fraction;

        long taken;
        while (true)
        {
            var previous = Volatile.Read(ref last);
            taken = stamp > previous ? stamp : previous + 1;
            if (Interlocked.CompareExchange(ref last, taken, previous) == previous)
            {
                break;
            }
        }

        return Compose(taken);
    }

    private static Guid Compose(long stamp)
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes[8..]);

        // unix_ts_ms (48 bits), then version 7 and the 12-bit fraction, big-endian.
        BinaryPrimitives.WriteInt64BigEndian(bytes, (stamp >> 12 << 16) | 0x7000 | (stamp & 0xFFF));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F)); // the RFC variant, 10xx
        return new Guid(bytes, bigEndian: true);
    }
}
