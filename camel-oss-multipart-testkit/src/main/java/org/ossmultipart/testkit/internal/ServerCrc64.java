package org.ossmultipart.testkit.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * CRC-64/XZ (ECMA-182 polynomial, reflected, init and xorout all ones) as OSS reports it in
 * {@code x-oss-hash-crc64ecma}. The server's own implementation, written independently of the
 * client's so that the two check each other: slicing-by-8 for updates and zlib's GF(2) matrix
 * method for combining.
 */
public final class ServerCrc64 {

    private static final long POLY = 0xC96C5795D7870F42L;
    private static final long[][] TABLES = new long[8][256];
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        for (int i = 0; i < 256; i++) {
            long crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY : crc >>> 1;
            }
            TABLES[0][i] = crc;
        }
        for (int i = 0; i < 256; i++) {
            for (int t = 1; t < 8; t++) {
                long prev = TABLES[t - 1][i];
                TABLES[t][i] = (prev >>> 8) ^ TABLES[0][(int) (prev & 0xff)];
            }
        }
    }

    /** Inputs are hashed as four interleaved 32 KiB lanes when large enough (independent chains overlap in the CPU). */
    private static final int LANE = 32 * 1024;
    /** The GF(2) operator that appends LANE zero bytes, used to join lanes. */
    private static final long[] APPEND_LANE = zerosOperator(LANE);

    private ServerCrc64() {}

    /** Continues {@code crc} (0 for an empty prefix) over {@code len} bytes of {@code buf}. */
    public static long update(long crc, byte[] buf, int off, int len) {
        while (len >= 4 * LANE) {
            // four independent registers in one loop, so the CPU overlaps their table lookups
            long a = ~crc;
            long b = -1L;
            long c = -1L;
            long d = -1L;
            for (int i = off, stop = off + LANE; i < stop; i += 8) {
                a = eightBytes(a ^ (long) LONG_LE.get(buf, i));
                b = eightBytes(b ^ (long) LONG_LE.get(buf, i + LANE));
                c = eightBytes(c ^ (long) LONG_LE.get(buf, i + 2 * LANE));
                d = eightBytes(d ^ (long) LONG_LE.get(buf, i + 3 * LANE));
            }
            crc = times(APPEND_LANE, times(APPEND_LANE, times(APPEND_LANE, ~a) ^ ~b) ^ ~c) ^ ~d;
            off += 4 * LANE;
            len -= 4 * LANE;
        }
        return slice8(crc, buf, off, len);
    }

    private static long eightBytes(long c) {
        return TABLES[7][(int) (c & 0xff)]
                ^ TABLES[6][(int) ((c >>> 8) & 0xff)]
                ^ TABLES[5][(int) ((c >>> 16) & 0xff)]
                ^ TABLES[4][(int) ((c >>> 24) & 0xff)]
                ^ TABLES[3][(int) ((c >>> 32) & 0xff)]
                ^ TABLES[2][(int) ((c >>> 40) & 0xff)]
                ^ TABLES[1][(int) ((c >>> 48) & 0xff)]
                ^ TABLES[0][(int) (c >>> 56)];
    }

    private static long slice8(long crc, byte[] buf, int off, int len) {
        long c = ~crc;
        long[] t0 = TABLES[0], t1 = TABLES[1], t2 = TABLES[2], t3 = TABLES[3];
        long[] t4 = TABLES[4], t5 = TABLES[5], t6 = TABLES[6], t7 = TABLES[7];
        while (len >= 8) {
            c ^= (long) LONG_LE.get(buf, off);
            c = t7[(int) (c & 0xff)]
                    ^ t6[(int) ((c >>> 8) & 0xff)]
                    ^ t5[(int) ((c >>> 16) & 0xff)]
                    ^ t4[(int) ((c >>> 24) & 0xff)]
                    ^ t3[(int) ((c >>> 32) & 0xff)]
                    ^ t2[(int) ((c >>> 40) & 0xff)]
                    ^ t1[(int) ((c >>> 48) & 0xff)]
                    ^ t0[(int) (c >>> 56)];
            off += 8;
            len -= 8;
        }
        while (len-- > 0) {
            c = t0[(int) ((c ^ buf[off++]) & 0xff)] ^ (c >>> 8);
        }
        return ~c;
    }

    /** CRC of A‖B from crc(A), crc(B) and len(B) — zlib's crc32_combine widened to 64 bits. */
    public static long combine(long crcA, long crcB, long lenB) {
        if (lenB <= 0) {
            return crcA;
        }
        long[] even = new long[64];
        long[] odd = new long[64];
        odd[0] = POLY; // operator for one zero bit
        long row = 1;
        for (int n = 1; n < 64; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd); // two zero bits
        square(odd, even); // four zero bits
        long crc = crcA;
        long len = lenB;
        do {
            square(even, odd);
            if ((len & 1) != 0) {
                crc = times(even, crc);
            }
            len >>>= 1;
            if (len == 0) {
                break;
            }
            square(odd, even);
            if ((len & 1) != 0) {
                crc = times(odd, crc);
            }
            len >>>= 1;
        } while (len != 0);
        return crc ^ crcB;
    }

    /** The operator for {@code bytes} zero bytes, by repeated squaring of the one-bit operator. */
    private static long[] zerosOperator(long bytes) {
        long[] op = new long[64];
        long[] odd = new long[64];
        odd[0] = POLY;
        long row = 1;
        for (int n = 1; n < 64; n++) {
            odd[n] = row;
            row <<= 1;
        }
        long[] even = new long[64];
        square(even, odd); // 2 bits
        square(odd, even); // 4 bits
        square(even, odd); // 8 bits = one zero byte
        long[] power = even;
        boolean first = true;
        for (long n = bytes; n > 0; n >>>= 1) {
            if ((n & 1) != 0) {
                if (first) {
                    op = power.clone();
                    first = false;
                } else {
                    long[] next = new long[64];
                    for (int i = 0; i < 64; i++) {
                        next[i] = times(power, op[i]);
                    }
                    op = next;
                }
            }
            long[] sq = new long[64];
            square(sq, power);
            power = sq;
        }
        return op;
    }

    private static long times(long[] matrix, long vec) {
        long sum = 0;
        for (int i = 0; vec != 0; i++, vec >>>= 1) {
            if ((vec & 1) != 0) {
                sum ^= matrix[i];
            }
        }
        return sum;
    }

    private static void square(long[] target, long[] matrix) {
        for (int n = 0; n < 64; n++) {
            target[n] = times(matrix, matrix[n]);
        }
    }
}
