package org.ossmultipart.camel.oss.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.ossmultipart.camel.oss.auth.Credentials;

/** The official V1/V4 vectors (oss-protocol.md §6.3) and the derived multipart examples (§6.4). */
class SignatureVectorsTest {

    private static final Credentials AK_SK = new Credentials("ak", "sk");
    private static final Instant DEC_28_2022 = Instant.parse("2022-12-28T10:27:41Z");

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Nested
    class V1 {
        private SignableRequest nelson(Map<String, String> query) {
            return new SignableRequest(
                    "PUT",
                    "examplebucket",
                    "nelson",
                    query,
                    map(
                            "Content-MD5", "eB5eJF1ptWaXm4bijSPyxw==",
                            "Content-Type", "text/html",
                            "x-oss-meta-author", "alice",
                            "x-oss-meta-magic", "abracadabra",
                            "x-oss-date", "Wed, 28 Dec 2022 10:27:41 GMT"));
        }

        @Test
        void case1ObjectPut() {
            SignableRequest r = nelson(map());
            new V1Signer().sign(r, AK_SK, DEC_28_2022);
            assertThat(V1Signer.stringToSign(r))
                    .isEqualTo(
                            "PUT\neB5eJF1ptWaXm4bijSPyxw==\ntext/html\nWed, 28 Dec 2022 10:27:41 GMT\n"
                                    + "x-oss-date:Wed, 28 Dec 2022 10:27:41 GMT\nx-oss-meta-author:alice\nx-oss-meta-magic:abracadabra\n/examplebucket/nelson");
            assertThat(r.header("Authorization")).isEqualTo("OSS ak:kSHKmLxlyEAKtZPkJhG9bZb5k7M=");
        }

        @Test
        void case2WithAclSubResource() {
            SignableRequest r = nelson(map("acl", ""));
            new V1Signer().sign(r, AK_SK, DEC_28_2022);
            assertThat(r.header("Authorization")).isEqualTo("OSS ak:/afkugFbmWDQ967j1vr6zygBLQk=");
        }

        @Test
        void cases3And4BucketLevelCustomSubResource() {
            SignableRequest r = new SignableRequest(
                    "GET",
                    "examplebucket",
                    "",
                    map("resourceGroup", ""),
                    map("x-oss-date", "Wed, 28 Dec 2022 10:27:41 GMT"));
            new V1Signer().sign(r, AK_SK, DEC_28_2022);
            assertThat(r.header("Authorization")).isEqualTo("OSS ak:vkQmfuUDyi1uDi3bKt67oemssIs=");

            SignableRequest r2 = new SignableRequest(
                    "GET",
                    "examplebucket",
                    "",
                    map("resourceGroup", "", "acl", ""),
                    map("x-oss-date", "Wed, 28 Dec 2022 10:27:41 GMT"));
            new V1Signer().sign(r2, AK_SK, DEC_28_2022);
            assertThat(V1Signer.stringToSign(r2)).endsWith("/examplebucket/?acl&resourceGroup");
            assertThat(r2.header("Authorization")).isEqualTo("OSS ak:x3E5TgOvl/i7PN618s5mEvpJDYk=");
        }

        @Test
        void presignedUrl() {
            SignableRequest r = new SignableRequest("GET", "bucket", "key", map("versionId", "versionId"), map());
            Map<String, String> q = Presigned.v1(r, AK_SK, 1699807420L);
            assertThat(URLEncoder.encode(q.get("Signature"), StandardCharsets.UTF_8))
                    .isEqualTo("dcLTea%2BYh9ApirQ8o8dOPqtvJXQ%3D");
            assertThat(q).containsEntry("OSSAccessKeyId", "ak").containsEntry("Expires", "1699807420");
        }

        @Test
        void multipartUploadPart() {
            SignableRequest r = new SignableRequest(
                    "PUT",
                    "examplebucket",
                    "multipart.data",
                    map("partNumber", "1", "uploadId", "0004B9895DBBB6EC98E36"),
                    map("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw=="));
            new V1Signer().sign(r, AK_SK, DEC_28_2022);
            assertThat(V1Signer.stringToSign(r))
                    .isEqualTo("PUT\neB5eJF1ptWaXm4bijSPyxw==\n\nWed, 28 Dec 2022 10:27:41 GMT\n"
                            + "/examplebucket/multipart.data?partNumber=1&uploadId=0004B9895DBBB6EC98E36");
            assertThat(r.header("Authorization")).isEqualTo("OSS ak:xj2foz5JWqj0+Y+k2ww3WR5X/m8=");
        }

        @Test
        void multipartInitiate() {
            SignableRequest r = new SignableRequest(
                    "POST",
                    "examplebucket",
                    "multipart.data",
                    map("uploads", ""),
                    map(
                            "Content-Type",
                            "application/octet-stream",
                            "x-oss-forbid-overwrite",
                            "true",
                            "x-oss-storage-class",
                            "Standard"));
            new V1Signer().sign(r, AK_SK, DEC_28_2022);
            assertThat(r.header("Authorization")).isEqualTo("OSS ak:iqPinm9xRNEFswewxasD0zQp3QU=");
        }

        @Test
        void multipartCompleteWithStsToken() {
            SignableRequest r = new SignableRequest(
                    "POST",
                    "examplebucket",
                    "multipart.data",
                    map("uploadId", "0004B9895DBBB6EC98E36", "encoding-type", "url"),
                    map("Content-Type", "application/xml"));
            new V1Signer().sign(r, new Credentials("ak", "sk", "token"), DEC_28_2022);
            assertThat(V1Signer.stringToSign(r))
                    .isEqualTo(
                            "POST\n\napplication/xml\nWed, 28 Dec 2022 10:27:41 GMT\n"
                                    + "x-oss-security-token:token\n/examplebucket/multipart.data?uploadId=0004B9895DBBB6EC98E36");
            assertThat(r.header("Authorization")).isEqualTo("OSS ak:SzoPqMpCxX5DdQGVHHVn3Kg3Rtc=");
        }

        @Test
        void multipartListUploadsSignsOnlySubResources() {
            SignableRequest r = new SignableRequest(
                    "GET", "examplebucket", "", map("uploads", "", "max-uploads", "10", "prefix", "a"), map());
            new V1Signer().sign(r, AK_SK, DEC_28_2022);
            assertThat(r.header("Authorization")).isEqualTo("OSS ak:SjUNekmfhc0uFY5QOMFi03UbDsA=");
        }
    }

    @Nested
    class V4 {
        private final Map<String, String> params = map(
                "param1", "value1", "+param1", "value3", "|param1", "value4", "+param2", "", "|param2", "", "param2",
                "");

        private SignableRequest vectorRequest(String contentType, boolean sha256Header) {
            Map<String, String> headers = map(
                    "x-oss-head1",
                    "value",
                    "abc",
                    "value",
                    "ZAbc",
                    "value",
                    "XYZ",
                    "value",
                    "content-type",
                    contentType);
            if (sha256Header) {
                headers.put("x-oss-content-sha256", "UNSIGNED-PAYLOAD");
            }
            return new SignableRequest("PUT", "bucket", "1234+-/123/1.txt", params, headers);
        }

        @Test
        void authHeader() {
            SignableRequest r = vectorRequest("text/plain", true);
            new V4Signer("cn-hangzhou").sign(r, AK_SK, Instant.ofEpochSecond(1702743657));
            assertThat(V4Signer.canonicalRequest(r, Set.of()))
                    .isEqualTo("PUT\n/bucket/1234%2B-/123/1.txt\n"
                            + "%2Bparam1=value3&%2Bparam2&%7Cparam1=value4&%7Cparam2&param1=value1&param2\n"
                            + "content-type:text/plain\nx-oss-content-sha256:UNSIGNED-PAYLOAD\nx-oss-date:20231216T162057Z\nx-oss-head1:value\n\n\n"
                            + "UNSIGNED-PAYLOAD");
            assertThat(HexFormat.of().formatHex(new V4Signer("cn-hangzhou").signingKey("sk", "20231216")))
                    .isEqualTo("b412a03b134ebddd720f5167b5de6db66620ebb3b01cff4d49e3ccb09f8de97f");
            assertThat(r.header("Authorization"))
                    .isEqualTo("OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,"
                            + "Signature=e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe");
        }

        @Test
        void authHeaderWithToken() {
            SignableRequest r = vectorRequest("text/plain", true);
            new V4Signer("cn-hangzhou")
                    .sign(r, new Credentials("ak", "sk", "token"), Instant.ofEpochSecond(1702784856));
            assertThat(r.header("Authorization"))
                    .isEqualTo("OSS4-HMAC-SHA256 Credential=ak/20231217/cn-hangzhou/oss/aliyun_v4_request,"
                            + "Signature=b94a3f999cf85bcdc00d332fbd3734ba03e48382c36fa4d5af5df817395bd9ea");
        }

        @Test
        void authHeaderWithAdditionalHeaders() {
            String expected =
                    "OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,AdditionalHeaders=abc;zabc,"
                            + "Signature=4a4183c187c07c8947db7620deb0a6b38d9fbdd34187b6dbaccb316fa251212f";
            SignableRequest r = vectorRequest("text/plain", true);
            new V4Signer("cn-hangzhou", "oss", Set.of("ZAbc", "abc")).sign(r, AK_SK, Instant.ofEpochSecond(1702747512));
            assertThat(r.header("Authorization")).isEqualTo(expected);
            // default-signed and absent names are dropped from the list
            SignableRequest r2 = vectorRequest("text/plain", true);
            new V4Signer("cn-hangzhou", "oss", Set.of("x-oss-no-exist", "ZAbc", "x-oss-head1", "abc"))
                    .sign(r2, AK_SK, Instant.ofEpochSecond(1702747512));
            assertThat(r2.header("Authorization")).isEqualTo(expected);
        }

        @Test
        void authHeaderCloudBox() {
            SignableRequest r = vectorRequest("text/plain", true);
            new V4Signer("cb-123", "oss-cloudbox", Set.of()).sign(r, AK_SK, Instant.ofEpochSecond(1702743657));
            assertThat(r.header("Authorization"))
                    .isEqualTo("OSS4-HMAC-SHA256 Credential=ak/20231216/cb-123/oss-cloudbox/aliyun_v4_request,"
                            + "Signature=94ce1f12c17d148ea681030275a94449d3357f5b5b21133996eec80af3e08a43");
        }

        @Test
        void presignedQuery() {
            SignableRequest r = vectorRequest("application/octet-stream", false);
            Map<String, String> q = Presigned.v4(
                    new V4Signer("cn-hangzhou"),
                    r,
                    AK_SK,
                    Instant.ofEpochSecond(1702781677),
                    Duration.ofSeconds(1702782276L - 1702781677L));
            assertThat(q)
                    .containsEntry("x-oss-date", "20231217T025437Z")
                    .containsEntry("x-oss-expires", "599")
                    .containsEntry("x-oss-credential", "ak/20231217/cn-hangzhou/oss/aliyun_v4_request")
                    .containsEntry(
                            "x-oss-signature", "a39966c61718be0d5b14e668088b3fa07601033f6518ac7b523100014269c0fe")
                    .doesNotContainKey("x-oss-additional-headers");
        }

        @Test
        void multipartUploadPart() {
            SignableRequest r = new SignableRequest(
                    "PUT",
                    "examplebucket",
                    "multipart.data",
                    map("partNumber", "1", "uploadId", "0004B9895DBBB6EC98E36"),
                    map("Content-MD5", "eB5eJF1ptWaXm4bijSPyxw==", "Content-Length", "10"));
            new V4Signer("cn-hangzhou").sign(r, AK_SK, Instant.ofEpochSecond(1702743657));
            String cr = V4Signer.canonicalRequest(r, Set.of());
            assertThat(cr)
                    .isEqualTo("PUT\n/examplebucket/multipart.data\npartNumber=1&uploadId=0004B9895DBBB6EC98E36\n"
                            + "content-md5:eB5eJF1ptWaXm4bijSPyxw==\nx-oss-content-sha256:UNSIGNED-PAYLOAD\nx-oss-date:20231216T162057Z\n\n\n"
                            + "UNSIGNED-PAYLOAD");
            assertThat(HexFormat.of().formatHex(Hmac.sha256Digest(cr)))
                    .isEqualTo("306ef3e895a42c65510ec05f7b77d17bc61f393f61e746f0f1ecb5049e04c4ce");
            assertThat(r.header("Authorization"))
                    .endsWith("Signature=451035d06c2acb4385e1ae9bb7adbf9be89b4cccc930176b7f65afb2d53e2744");
        }

        @Test
        void multipartInitiateWithEscapedKey() {
            SignableRequest r = new SignableRequest(
                    "POST",
                    "examplebucket",
                    "dir/multipart data+1.bin",
                    map("uploads", ""),
                    map("Content-Type", "application/octet-stream", "x-oss-forbid-overwrite", "true"));
            new V4Signer("cn-hangzhou").sign(r, AK_SK, Instant.ofEpochSecond(1702743657));
            String cr = V4Signer.canonicalRequest(r, Set.of());
            assertThat(cr).startsWith("POST\n/examplebucket/dir/multipart%20data%2B1.bin\nuploads\n");
            assertThat(HexFormat.of().formatHex(Hmac.sha256Digest(cr)))
                    .isEqualTo("2ac8a0cf275626b9697ed7290c3e30e21fdbf452c9d16c6950a6527cef69697d");
            assertThat(r.header("Authorization"))
                    .endsWith("Signature=ffc7c44079a62b6090574966a8b28c481b8bebceb8ba585e65dc4fb0113ab1ad");
        }
    }
}
