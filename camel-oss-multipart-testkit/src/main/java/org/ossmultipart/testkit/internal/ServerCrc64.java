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
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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

    private ServerCrc64() {
    }

    /** Continues {@code crc} (0 for an empty prefix) over {@code len} bytes of {@code buf}. */
    public static long update(long crc, byte[] buf, int off, int len) {
        long c = ~crc;
        long[] t0 = TABLES[0], t1 = TABLES[1], t2 = TABLES[2], t3 = TABLES[3];
        long[] t4 = TABLES[4], t5 = TABLES[5], t6 = TABLES[6], t7 = TABLES[7];
        while (len >= 8) {
            c ^= (long) LONG_LE.get(buf, off);
            c = t7[(int) (c & 0xff)] ^ t6[(int) ((c >>> 8) & 0xff)] ^ t5[(int) ((c >>> 16) & 0xff)]
                    ^ t4[(int) ((c >>> 24) & 0xff)] ^ t3[(int) ((c >>> 32) & 0xff)] ^ t2[(int) ((c >>> 40) & 0xff)]
                    ^ t1[(int) ((c >>> 48) & 0xff)] ^ t0[(int) (c >>> 56)];
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
