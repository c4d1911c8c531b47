package org.ossmultipart.benchmarks;

import java.io.InputStream;
import java.util.SplittableRandom;

/** {@code size} pseudo-random bytes of unknown length to the reader, never held in memory. */
final class GeneratedStream extends InputStream {

    private final SplittableRandom random = new SplittableRandom(7);
    private long left;

    GeneratedStream(long size) {
        this.left = size;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (left == 0) {
            return -1;
        }
        int n = (int) Math.min(len, left);
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long v = random.nextLong();
            for (int j = 0; j < 8; j++) {
                b[off + i + j] = (byte) (v >>> (8 * j));
            }
        }
        for (; i < n; i++) {
            b[off + i] = (byte) random.nextInt();
        }
        left -= n;
        return n;
    }
}
