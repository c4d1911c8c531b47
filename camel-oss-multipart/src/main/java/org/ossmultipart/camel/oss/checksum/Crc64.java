package org.ossmultipart.camel.oss.checksum;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.zip.Checksum;

/**
 * CRC-64 exactly as OSS computes {@code x-oss-hash-crc64ecma}: the CRC-64/XZ parameters (ECMA-182
 * polynomial, reflected, init and xorout all ones; check value of "123456789" is
 * 0x995DC9BBDF1939FA). Streaming via {@link Checksum}; {@link #combine} joins the CRCs of adjacent
 * pieces without reading them again, which is how the whole-object CRC is derived from part CRCs.
 * CRC values are unsigned 64-bit numbers carried in a {@code long}: format with
 * {@link Long#toUnsignedString(long)}.
 */
public final class Crc64 implements Checksum {

    /** The ECMA-182 polynomial, bit-reversed. */
    private static final long POLY = 0xC96C5795D7870F42L;

    private static final long[] T0 = new long[256];
    private static final long[] T1 = new long[256];
    private static final long[] T2 = new long[256];
    private static final long[] T3 = new long[256];
    private static final long[] T4 = new long[256];
    private static final long[] T5 = new long[256];
    private static final long[] T6 = new long[256];
    private static final long[] T7 = new long[256];
    private static final VarHandle LE_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** X2N[k] = x^(2^k) mod P, in the reflected representation; k up to 3 + 63 covers any long length. */
    private static final long[] X2N = new long[67];
    /** Large inputs are hashed as four interleaved lanes of this many bytes (independent chains run in parallel in the CPU). */
    private static final int LANE = 16 * 1024;
    /** x^(8·LANE) mod P: shifts a lane's CRC past the next lane, for combining. */
    private static final long SHIFT_LANE;

    static {
        long[][] t = {T0, T1, T2, T3, T4, T5, T6, T7};
        for (int n = 0; n < 256; n++) {
            long c = n;
            for (int k = 0; k < 8; k++) {
                c = (c >>> 1) ^ (-(c & 1) & POLY);
            }
            T0[n] = c;
        }
        for (int n = 0; n < 256; n++) {
            long c = T0[n];
            for (int k = 1; k < 8; k++) {
                c = T0[(int) c & 0xff] ^ (c >>> 8);
                t[k][n] = c;
            }
        }
        long p = 1L << 62; // x^1
        X2N[0] = p;
        for (int k = 1; k < X2N.length; k++) {
            p = multiplyModP(p, p);
            X2N[k] = p;
        }
        SHIFT_LANE = xPow8n(LANE);
    }

    private long crc;

    @Override
    public void update(int b) {
        long c = ~crc;
        c = T0[(int) (c ^ b) & 0xff] ^ (c >>> 8);
        crc = ~c;
    }

    @Override
    public void update(byte[] b, int off, int len) {
        crc = update(crc, b, off, len);
    }

    @Override
    public long getValue() {
        return crc;
    }

    @Override
    public void reset() {
        crc = 0;
    }

    /** The CRC of {@code len} bytes of {@code b}. */
    public static long of(byte[] b, int off, int len) {
        return update(0, b, off, len);
    }

    public static long of(byte[] b) {
        return of(b, 0, b.length);
    }

    /** Continues {@code crc} (the CRC of what came before, 0 for nothing) over more bytes. */
    public static long update(long crc, byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        // 64 KiB blocks: four 16 KiB lanes hashed side by side, then joined with the precomputed shift
        for (; end - i >= 4 * LANE; i += 4 * LANE) {
            long c0 = ~crc;
            long c1 = -1;
            long c2 = -1;
            long c3 = -1;
            for (int p = i, stop = i + LANE; p < stop; p += 8) {
                c0 = step(c0 ^ (long) LE_LONG.get(b, p));
                c1 = step(c1 ^ (long) LE_LONG.get(b, p + LANE));
                c2 = step(c2 ^ (long) LE_LONG.get(b, p + 2 * LANE));
                c3 = step(c3 ^ (long) LE_LONG.get(b, p + 3 * LANE));
            }
            crc = multiplyModP(SHIFT_LANE, ~c0) ^ ~c1;
            crc = multiplyModP(SHIFT_LANE, crc) ^ ~c2;
            crc = multiplyModP(SHIFT_LANE, crc) ^ ~c3;
        }
        long c = ~crc;
        // eight bytes per step ("slicing-by-8")
        for (; end - i >= 8; i += 8) {
            c = step(c ^ (long) LE_LONG.get(b, i));
        }
        for (; i < end; i++) {
            c = T0[(int) (c ^ b[i]) & 0xff] ^ (c >>> 8);
        }
        return ~c;
    }

    /** Eight bytes already XORed into the register, through the eight tables. */
    private static long step(long c) {
        return T7[(int) c & 0xff]
                ^ T6[(int) (c >>> 8) & 0xff]
                ^ T5[(int) (c >>> 16) & 0xff]
                ^ T4[(int) (c >>> 24) & 0xff]
                ^ T3[(int) (c >>> 32) & 0xff]
                ^ T2[(int) (c >>> 40) & 0xff]
                ^ T1[(int) (c >>> 48) & 0xff]
                ^ T0[(int) (c >>> 56) & 0xff];
    }

    /**
     * {@code crc(A‖B)} from {@code crc(A)}, {@code crc(B)} and the length of B: multiplies crc(A) by
     * x^(8·lenB) modulo the polynomial (O(log lenB) steps), then adds crc(B).
     */
    public static long combine(long crcA, long crcB, long lenB) {
        if (lenB < 0) {
            throw new IllegalArgumentException("length must be >= 0, was " + lenB);
        }
        if (lenB == 0) {
            return crcA;
        }
        return multiplyModP(xPow8n(lenB), crcA) ^ crcB;
    }

    /** x^(8n) mod P. */
    private static long xPow8n(long n) {
        long p = 1L << 63; // x^0
        int k = 3; // 8n = n·2^3
        while (n != 0) {
            if ((n & 1) != 0) {
                p = multiplyModP(X2N[k], p);
            }
            n >>>= 1;
            k++;
        }
        return p;
    }

    /** a·b mod P with bit 63 as the x^0 coefficient (reflected order). */
    private static long multiplyModP(long a, long b) {
        long m = 1L << 63;
        long p = 0;
        while (true) {
            if ((a & m) != 0) {
                p ^= b;
                if ((a & (m - 1)) == 0) {
                    break;
                }
            }
            m >>>= 1;
            b = (b & 1) != 0 ? (b >>> 1) ^ POLY : b >>> 1;
        }
        return p;
    }
}
