package org.ossmultipart.examples.kamelets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the example prints when run offline, as a first-time user runs it: what the sink stored, what
 * the janitor did, and the result -- its own lines, since `mvn -q` shows no INFO log line.
 */
class KameletsExampleOutputTest {

    @Test
    void theOfflineTourSaysWhatItDid(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean ok;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ok = KameletsExample.runOffline(dir.resolve("inbox"), out);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(ok).as(printed).isTrue();
        assertThat(printed)
                .contains("using a local OSS server at http://127.0.0.1:")
                .contains("A multipart upload of forgotten.bin was left unfinished two days ago")
                .containsPattern(
                        "Sink Kamelet stored oss://kamelets-example/video.bin: 20971520 bytes in \\d+ parts, CRC-64 \\d+")
                .contains("Source Kamelet reported the forgotten upload and aborted it")
                .contains("RESULT : SUCCESS");
    }
}
