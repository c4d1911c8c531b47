package org.ossmultipart.camel.oss.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ossmultipart.testkit.internal.ServerCrc64;

/** CRC-64 check values (oss-protocol.md §7.2) and combine on random splits (§7.3). */
class Crc64Test {

    private static long crc(String s) {
        return Crc64.of(s.getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @CsvSource({
        "123456789, 11051210869376104954",
        "This is a test of the emergency broadcast system., 2871916124362751090",
        "0123456789, 2838902930144391966",
    })
    void checkValues(String input, String unsignedCrc) {
        assertThat(Long.toUnsignedString(crc(input))).isEqualTo(unsignedCrc);
    }

    @Test
    void moreVectors() {
        assertThat(crc("123456789")).isEqualTo(0x995DC9BBDF1939FAL).isEqualTo(-7395533204333446662L);
        assertThat(crc("IHATEMATH")).isEqualTo(0x3920E0F66B6EE0C8L);
        assertThat(Long.toUnsignedString(crc("123456789This is a test of the emergency broadcast system.")))
                .isEqualTo("7672622622872733320");
        assertThat(Crc64.of(new byte[0])).isZero();
    }

    /** The textbook bit-at-a-time definition: the oracle for the fast paths. */
    private static long reference(byte[] b, int off, int len) {
        long crc = -1;
        for (int i = off; i < off + len; i++) {
            crc ^= b[i] & 0xff;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xC96C5795D7870F42L : crc >>> 1;
            }
        }
        return ~crc;
    }

    @Test
    void fastPathsMatchTheDefinitionAndTheServersImplementation() {
        Random random = new Random(11);
        byte[] data = new byte[600_000];
        random.nextBytes(data);
        for (int len : new int[] {0, 1, 7, 8, 9, 65_535, 65_536, 65_537, 131_072 + 13, 262_144, 599_990}) {
            int off = random.nextInt(8);
            long expected = reference(data, off, len);
            assertThat(Crc64.of(data, off, len)).as("client, length %d", len).isEqualTo(expected);
            assertThat(ServerCrc64.update(0, data, off, len))
                    .as("server, length %d", len)
                    .isEqualTo(expected);
            assertThat(Crc64.update(Crc64.of(data, 0, off), data, off, len)).isEqualTo(reference(data, 0, off + len));
        }
    }

    @Test
    void streamingUpdatesEqualOneShot() {
        byte[] data = new byte[10_007];
        new Random(7).nextBytes(data);
        Crc64 c = new Crc64();
        c.update(data, 0, 3);
        c.update(data[3]);
        c.update(data, 4, data.length - 4);
        assertThat(c.getValue()).isEqualTo(Crc64.of(data));
        c.reset();
        assertThat(c.getValue()).isZero();
    }

    @Test
    void combineEqualsCrcOfConcatenationOnRandomSplits() {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] data = new byte[random.nextInt(50_000)];
            random.nextBytes(data);
            int split = data.length == 0 ? 0 : random.nextInt(data.length + 1);
            long a = Crc64.of(data, 0, split);
            long b = Crc64.of(data, split, data.length - split);
            assertThat(Crc64.combine(a, b, data.length - split))
                    .as("split %d of %d", split, data.length)
                    .isEqualTo(Crc64.of(data));
        }
    }

    @Test
    void combineOfManyPartsAndHugeLengths() {
        byte[] data = new byte[1 << 20];
        new Random(1).nextBytes(data);
        long crc = 0;
        int part = 100 * 1024 + 3;
        for (int off = 0; off < data.length; off += part) {
            int len = Math.min(part, data.length - off);
            crc = Crc64.combine(crc, Crc64.of(data, off, len), len);
        }
        assertThat(crc).isEqualTo(Crc64.of(data));
        // lengths beyond 4 GiB (5 GiB parts): agree with the server's independent (zlib matrix) implementation
        Random random = new Random(3);
        for (long len : new long[] {5L << 30, (5L << 30) + 7, Long.MAX_VALUE / 3, 1}) {
            long a = random.nextLong();
            long b = random.nextLong();
            assertThat(Crc64.combine(a, b, len)).as("len %d", len).isEqualTo(ServerCrc64.combine(a, b, len));
        }
        assertThat(Crc64.combine(123, 456, 0)).isEqualTo(123);
        assertThatThrownBy(() -> Crc64.combine(1, 2, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
