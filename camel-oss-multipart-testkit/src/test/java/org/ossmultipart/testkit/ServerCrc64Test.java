package org.ossmultipart.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ossmultipart.testkit.internal.ServerCrc64;

/** The server's own CRC-64 against the official check values (oss-protocol.md §7.2). */
class ServerCrc64Test {

    private static long crc(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return ServerCrc64.update(0, b, 0, b.length);
    }

    @Test
    void checkValues() {
        assertThat(Long.toUnsignedString(crc("123456789"))).isEqualTo("11051210869376104954");
        assertThat(crc("This is a test of the emergency broadcast system.")).isEqualTo(0x27DB187FC15BBC72L);
        assertThat(crc("IHATEMATH")).isEqualTo(0x3920E0F66B6EE0C8L);
        assertThat(crc("")).isZero();
    }

    @Test
    void combineMatchesConcatenation() {
        Random r = new Random(5);
        for (int i = 0; i < 200; i++) {
            byte[] data = new byte[r.nextInt(20_000)];
            r.nextBytes(data);
            int split = data.length == 0 ? 0 : r.nextInt(data.length + 1);
            long a = ServerCrc64.update(0, data, 0, split);
            long b = ServerCrc64.update(0, data, split, data.length - split);
            assertThat(ServerCrc64.combine(a, b, data.length - split))
                    .isEqualTo(ServerCrc64.update(0, data, 0, data.length));
        }
    }
}
