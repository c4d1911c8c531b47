package org.ossmultipart.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.OSSObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directory storage keeps bytes in files and serves them back intact. */
class DirectoryStorageTest {

    @Test
    void objectsLiveInFilesAndDeleteRemovesThem(@TempDir Path dir) throws IOException {
        try (LocalOssServer server =
                LocalOssServer.builder().dataDirectory(dir).build().start()) {
            OSS oss = sdk(server);
            try {
                byte[] data = new byte[300_000];
                new Random(3).nextBytes(data);
                oss.putObject("dir-bucket", "on/disk.bin", new ByteArrayInputStream(data));
                try (Stream files = new Stream(dir)) {
                    assertThat(files.count()).isEqualTo(1);
                }
                try (OSSObject o = oss.getObject("dir-bucket", "on/disk.bin")) {
                    assertThat(o.getObjectContent().readAllBytes()).isEqualTo(data);
                }
                oss.deleteObject("dir-bucket", "on/disk.bin");
                try (Stream files = new Stream(dir)) {
                    assertThat(files.count()).isZero();
                }
            } finally {
                oss.shutdown();
            }
        }
    }

    private static OSS sdk(LocalOssServer server) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSLDEnabled(true);
        conf.setSignatureVersion(SignVersion.V4);
        conf.setMaxErrorRetry(0);
        return OSSClientBuilder.create()
                .endpoint(server.endpoint())
                .region(server.region())
                .credentialsProvider(new DefaultCredentialProvider(
                        LocalOssServer.DEFAULT_ACCESS_KEY_ID, LocalOssServer.DEFAULT_ACCESS_KEY_SECRET))
                .clientConfiguration(conf)
                .build();
    }

    @Test
    void aNewServerRemovesTheBlobsAnEarlierRunLeft(@TempDir Path dir) throws IOException {
        try (LocalOssServer first =
                LocalOssServer.builder().dataDirectory(dir).build().start()) {
            OSS oss = sdk(first);
            try {
                oss.putObject("dir-bucket", "earlier.bin", new ByteArrayInputStream(new byte[1000]));
            } finally {
                oss.shutdown();
            }
        }
        try (Stream files = new Stream(dir)) {
            assertThat(files.count()).isEqualTo(1); // the earlier run's blob, known to no index any more
        }
        Files.writeString(dir.resolve("notes.txt"), "not a blob: left alone");
        try (LocalOssServer second =
                LocalOssServer.builder().dataDirectory(dir).build().start()) {
            try (Stream files = new Stream(dir)) {
                assertThat(files.count()).isZero();
            }
            assertThat(second.objectKeys("dir-bucket")).isEmpty();
        }
        assertThat(dir.resolve("notes.txt")).exists();
    }

    @Test
    void aDataDirectoryThatCannotStoreIsAnErrorAnswerNotADroppedConnection(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data");
        try (LocalOssServer server =
                LocalOssServer.builder().dataDirectory(data).build().start()) {
            OSS oss = sdk(server);
            try {
                Files.delete(data); // as good as a full disk: no body can be stored
                assertThatThrownBy(
                                () -> oss.putObject("dir-bucket", "lost.bin", new ByteArrayInputStream(new byte[5000])))
                        .isInstanceOfSatisfying(OSSException.class, e -> {
                            assertThat(e.getErrorCode()).isEqualTo("InternalError");
                            assertThat(e.getErrorMessage())
                                    .contains("cannot store the body in the data directory " + data);
                        });
                assertThat(server.requestLog().count(OssOperation.PUT_OBJECT)).isEqualTo(1);
            } finally {
                oss.shutdown();
            }
        }
    }

    /** The blob files in the data directory. */
    private static final class Stream implements AutoCloseable {
        private final java.util.stream.Stream<Path> files;

        Stream(Path dir) throws IOException {
            this.files = Files.list(dir).filter(p -> p.toString().endsWith(".blob"));
        }

        long count() {
            return files.count();
        }

        @Override
        public void close() {
            files.close();
        }
    }
}
