package org.ossmultipart.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.AbortMultipartUploadRequest;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListPartsRequest;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.UploadPartRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Directory storage keeps bytes in files and serves them back intact, and its journal keeps the index:
 * a restarted server -- stopped or killed -- finds its objects, uploads and parts again.
 */
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

    private static byte[] data(int size, int seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String upload(OSS oss, String key, int parts, boolean complete) {
        String id = oss.initiateMultipartUpload(new InitiateMultipartUploadRequest("dir-bucket", key))
                .getUploadId();
        List<PartETag> etags = new ArrayList<>();
        for (int n = 1; n <= parts; n++) {
            UploadPartRequest part = new UploadPartRequest(
                    "dir-bucket", key, id, n, new ByteArrayInputStream(data(110_000, n)), 110_000);
            etags.add(oss.uploadPart(part).getPartETag());
        }
        if (complete) {
            oss.completeMultipartUpload(new CompleteMultipartUploadRequest("dir-bucket", key, id, etags));
        }
        return id;
    }

    @Test
    void aRestartedServerFindsItsObjectsUploadsAndPartsAgain(@TempDir Path dir) throws IOException {
        String open;
        LocalOssServer.ObjectInfo before;
        try (LocalOssServer first =
                LocalOssServer.builder().dataDirectory(dir).build().start()) {
            OSS oss = sdk(first);
            try {
                ObjectMetadata meta = new ObjectMetadata();
                meta.setObjectTagging(Map.of("k", "v"));
                meta.setCacheControl("no-cache");
                meta.addUserMetadata("who", "me");
                oss.putObject("dir-bucket", "single.bin", new ByteArrayInputStream(data(5000, 9)), meta);
                upload(oss, "multi.bin", 2, true);
                open = upload(oss, "open.bin", 2, false);
                String aborted = upload(oss, "aborted.bin", 1, false);
                oss.abortMultipartUpload(new AbortMultipartUploadRequest("dir-bucket", "aborted.bin", aborted));
                oss.putObject("dir-bucket", "deleted.bin", new ByteArrayInputStream(new byte[10]));
                oss.deleteObject("dir-bucket", "deleted.bin");
                before = first.object("dir-bucket", "multi.bin").orElseThrow();
            } finally {
                oss.shutdown();
            }
        }
        try (LocalOssServer second =
                LocalOssServer.builder().dataDirectory(dir).build().start()) {
            assertThat(second.objectKeys("dir-bucket")).containsExactly("multi.bin", "single.bin");
            LocalOssServer.ObjectInfo single =
                    second.object("dir-bucket", "single.bin").orElseThrow();
            assertThat(single.tags()).isEqualTo(Map.of("k", "v"));
            assertThat(single.httpHeaders()).containsEntry("Cache-Control", "no-cache");
            assertThat(single.userMetadata()).containsEntry("who", "me");
            LocalOssServer.ObjectInfo multi =
                    second.object("dir-bucket", "multi.bin").orElseThrow();
            assertThat(multi.etag()).isEqualTo(before.etag());
            assertThat(multi.crc64()).isEqualTo(before.crc64());
            assertThat(multi.partCount()).isEqualTo(2);
            assertThat(second.uploads("dir-bucket")).singleElement().satisfies(u -> {
                assertThat(u.uploadId()).isEqualTo(open);
                assertThat(u.partCount()).isEqualTo(2);
            });
            OSS oss = sdk(second);
            try {
                try (OSSObject o = oss.getObject("dir-bucket", "multi.bin")) {
                    byte[] expected = new byte[220_000];
                    System.arraycopy(data(110_000, 1), 0, expected, 0, 110_000);
                    System.arraycopy(data(110_000, 2), 0, expected, 110_000, 110_000);
                    assertThat(o.getObjectContent().readAllBytes()).isEqualTo(expected);
                }
                // the upload left open goes on where it was: its parts are listed and complete it
                List<PartETag> etags =
                        oss.listParts(new ListPartsRequest("dir-bucket", "open.bin", open)).getParts().stream()
                                .map(p -> new PartETag(p.getPartNumber(), p.getETag()))
                                .collect(java.util.stream.Collectors.toCollection(ArrayList::new)); // the SDK sorts it
                assertThat(etags).hasSize(2);
                oss.completeMultipartUpload(new CompleteMultipartUploadRequest("dir-bucket", "open.bin", open, etags));
            } finally {
                oss.shutdown();
            }
            try (Stream files = new Stream(dir)) {
                assertThat(files.count())
                        .as("one blob per part and object, none left over")
                        .isEqualTo(5);
            }
        }
    }

    @Test
    void aKilledServersTornLastLineAndTheBlobsNothingRefersToAreDropped(@TempDir Path dir) throws IOException {
        try (LocalOssServer first =
                LocalOssServer.builder().dataDirectory(dir).build().start()) {
            OSS oss = sdk(first);
            try {
                oss.putObject("dir-bucket", "kept.bin", new ByteArrayInputStream(new byte[1000]));
            } finally {
                oss.shutdown();
            }
        }
        // what a kill -9 can leave: half a journal line, a body that was still arriving
        Files.writeString(dir.resolve("index.journal"), "vput\tvdir-bucket\tvhalf", StandardOpenOption.APPEND);
        Files.write(dir.resolve("00000000-0000-0000-0000-000000000000.blob"), new byte[77]);
        Files.writeString(dir.resolve("notes.txt"), "not a blob: left alone");
        try (LocalOssServer second =
                LocalOssServer.builder().dataDirectory(dir).build().start()) {
            assertThat(second.objectKeys("dir-bucket")).containsExactly("kept.bin");
            try (Stream files = new Stream(dir)) {
                assertThat(files.count()).isEqualTo(1);
            }
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
