package org.ossmultipart.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.CompleteMultipartUploadResult;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.ListPartsRequest;
import com.aliyun.oss.model.MultipartUpload;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.PartListing;
import com.aliyun.oss.model.UploadPartRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ossmultipart.testkit.internal.ServerCrc64;

/**
 * The official OSS Java SDK (an independent client) runs a full multipart cycle against the local
 * server with its CRC checks on. Proves the server speaks real OSS, not only our client's dialect.
 */
class SdkInteropTest {

    @RegisterExtension
    static final LocalOssServerExtension OSS_SERVER = new LocalOssServerExtension();

    private static final int PART = 100 * 1024;

    enum Version {
        V1(SignVersion.V1),
        V4(SignVersion.V4);

        final SignVersion sign;

        Version(SignVersion sign) {
            this.sign = sign;
        }
    }

    private static OSS sdk(Version version, String secret) {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSLDEnabled(true); // path-style: http://127.0.0.1:PORT/bucket/key
        conf.setSignatureVersion(version.sign);
        conf.setCrcCheckEnabled(true);
        conf.setMaxErrorRetry(0);
        return OSSClientBuilder.create()
                .endpoint(OSS_SERVER.server().endpoint())
                .region(LocalOssServer.DEFAULT_REGION)
                .credentialsProvider(new DefaultCredentialProvider(LocalOssServer.DEFAULT_ACCESS_KEY_ID, secret))
                .clientConfiguration(conf)
                .build();
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void fullMultipartCycleWithCrcChecks(Version version) throws IOException {
        OSS oss = sdk(version, LocalOssServer.DEFAULT_ACCESS_KEY_SECRET);
        try {
            String bucket = "sdk-bucket";
            String key = "sdk/" + version + "/object with space+plus.bin";
            byte[] data = new byte[2 * PART + 4321];
            new Random(11).nextBytes(data);

            String uploadId = oss.initiateMultipartUpload(new InitiateMultipartUploadRequest(bucket, key))
                    .getUploadId();
            List<PartETag> etags = new ArrayList<>();
            for (int n = 1, off = 0; off < data.length; n++, off += PART) {
                int len = Math.min(PART, data.length - off);
                UploadPartRequest part =
                        new UploadPartRequest(bucket, key, uploadId, n, new ByteArrayInputStream(data, off, len), len);
                etags.add(oss.uploadPart(part).getPartETag());
            }
            PartListing parts = oss.listParts(new ListPartsRequest(bucket, key, uploadId));
            assertThat(parts.getParts()).hasSize(3);
            assertThat(parts.getParts().get(0).getSize()).isEqualTo(PART);
            assertThat(oss.listMultipartUploads(new ListMultipartUploadsRequest(bucket))
                            .getMultipartUploads())
                    .extracting(MultipartUpload::getUploadId)
                    .contains(uploadId);

            String second = oss.initiateMultipartUpload(new InitiateMultipartUploadRequest(bucket, key + ".2"))
                    .getUploadId();

            CompleteMultipartUploadResult done =
                    oss.completeMultipartUpload(new CompleteMultipartUploadRequest(bucket, key, uploadId, etags));
            assertThat(done.getServerCRC()).isEqualTo(ServerCrc64.update(0, data, 0, data.length));

            try (OSSObject object = oss.getObject(bucket, key);
                    InputStream in = object.getObjectContent()) {
                assertThat(in.readAllBytes()).isEqualTo(data);
            }

            oss.abortMultipartUpload(new com.aliyun.oss.model.AbortMultipartUploadRequest(bucket, key + ".2", second));
            assertThat(OSS_SERVER.server().uploads(bucket))
                    .noneMatch(u -> u.uploadId().equals(second) || u.uploadId().equals(uploadId));
        } finally {
            oss.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void wrongSecretIsSignatureDoesNotMatch(Version version) {
        OSS oss = sdk(version, "not-the-secret");
        try {
            assertThatThrownBy(() -> oss.initiateMultipartUpload(new InitiateMultipartUploadRequest("sdk-bucket", "k")))
                    .isInstanceOfSatisfying(OSSException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo("SignatureDoesNotMatch");
                        assertThat(e.getRequestId()).isNotBlank();
                    });
        } finally {
            oss.shutdown();
        }
    }
}
