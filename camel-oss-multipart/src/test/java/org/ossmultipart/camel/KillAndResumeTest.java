package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ossmultipart.camel.oss.checksum.Crc64;
import org.ossmultipart.testkit.Fault;
import org.ossmultipart.testkit.LocalOssServer;
import org.ossmultipart.testkit.LocalOssServerExtension;
import org.ossmultipart.testkit.OssOperation;

/**
 * The documented resumable file route, run by Camel Main in a child JVM, killed with SIGKILL in the
 * middle of an upload (8 parts stored, 2 in flight); a second run of the same application resumes the
 * upload: it sends again at most the parts that were in flight and those never started, completes,
 * and the object's CRC-64 is the file's; nothing stays open.
 */
class KillAndResumeTest {

    @RegisterExtension
    static final LocalOssServerExtension OSS = new LocalOssServerExtension();

    static final String BUCKET = "kill-resume";
    static final int PART = 100 * 1024;
    static final int PARTS = 21;
    static final int STORED_BEFORE_KILL = 8;

    @Test
    void aKilledUploadIsResumedByTheNextRunOfTheApplication(@TempDir Path dir) throws Exception {
        LocalOssServer server = OSS.server();
        Path inbox = Files.createDirectories(dir.resolve("outbox"));
        byte[] data = new byte[(PARTS - 1) * PART + 37];
        new Random(9).nextBytes(data);
        Path properties = application(dir, inbox);

        // first run: parts after the 8th are held by the server, so the kill finds two in flight
        CountDownLatch gate = new CountDownLatch(1);
        server.faults()
                .inject(
                        OssOperation.UPLOAD_PART,
                        r -> r.partNumber() > STORED_BEFORE_KILL,
                        Fault.hold(gate, Duration.ofSeconds(60)),
                        -1);
        Files.write(inbox.resolve("big.bin"), data);
        Process first = start(properties, dir.resolve("first.log"));
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> storedParts(server) == STORED_BEFORE_KILL
                            && server.requestLog().inFlight(OssOperation.UPLOAD_PART) == 2);
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no abort
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        server.faults().clear();
        gate.countDown();
        assertThat(server.uploads(BUCKET)).as("the killed upload is still open").hasSize(1);
        assertThat(Files.exists(inbox.resolve("big.bin")))
                .as("the file stays for the next run")
                .isTrue();
        int storedAfterKill = awaitStable(server);
        long partsSentBefore = server.requestLog().count(OssOperation.UPLOAD_PART);

        // second run of the same application
        Process second = start(properties, dir.resolve("second.log"));
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> Files.exists(inbox.resolve("done").resolve("big.bin")));
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
        String log = Files.readString(dir.resolve("second.log"), StandardCharsets.UTF_8);
        long resent = server.requestLog().count(OssOperation.UPLOAD_PART) - partsSentBefore;

        assertThat(server.object(BUCKET, "big.bin").orElseThrow().crc64()).isEqualTo(Crc64.of(data));
        assertThat(server.object(BUCKET, "big.bin").orElseThrow().partCount()).isEqualTo(PARTS);
        assertThat(resent)
                .as("parts sent by the second run: those in flight at the kill and those never started")
                .isEqualTo(PARTS - storedAfterKill)
                .isLessThanOrEqualTo(PARTS - STORED_BEFORE_KILL);
        assertThat(log).contains(storedAfterKill + " of " + storedAfterKill + " stored parts reused");
        assertThat(server.uploads(BUCKET)).as("nothing left open").isEmpty();
    }

    private static Path application(Path dir, Path inbox) throws Exception {
        Path routes = dir.resolve("routes.yaml");
        // the component docs' resumable file route, in YAML
        Files.writeString(routes, """
                - route:
                    id: outbox
                    from:
                      uri: "file:%s"
                      parameters:
                        move: done
                        readLock: changed
                        readLockCheckInterval: 200
                        initialDelay: 0
                        delay: 200
                      steps:
                        - to:
                            uri: "oss-multipart:%s"
                            parameters:
                              resume: true
                              abortOnFailure: false
                              partSize: 100KiB
                              concurrency: 2
                """.formatted(inbox, BUCKET));
        Path properties = dir.resolve("application.properties");
        Files.writeString(
                properties,
                String.join(
                        "\n",
                        "camel.main.name = kill-and-resume",
                        "camel.main.routes-include-pattern = file:" + routes,
                        "camel.component.oss-multipart.endpoint = "
                                + OSS.server().endpoint(),
                        "camel.component.oss-multipart.region = " + OSS.server().region(),
                        "camel.component.oss-multipart.access-key-id = " + LocalOssServer.DEFAULT_ACCESS_KEY_ID,
                        "camel.component.oss-multipart.access-key-secret = " + LocalOssServer.DEFAULT_ACCESS_KEY_SECRET,
                        ""));
        return properties;
    }

    private static Process start(Path properties, Path log) throws Exception {
        return new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CamelMainApp.class.getName(),
                        properties.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static int storedParts(LocalOssServer server) {
        List<LocalOssServer.UploadInfo> uploads = server.uploads(BUCKET);
        return uploads.size() == 1 ? uploads.get(0).partCount() : -1;
    }

    /**
     * The parts stored once the server has finished with the requests of the killed process: those
     * held at the kill may still be stored (their bytes had reached the server) or not.
     */
    private static int awaitStable(LocalOssServer server) {
        await().atMost(Duration.ofSeconds(30)).until(() -> server.requestLog().inFlight(OssOperation.UPLOAD_PART) == 0);
        return storedParts(server);
    }
}
