package org.ossmultipart.camel.oss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ossmultipart.camel.oss.auth.Credentials;
import org.ossmultipart.camel.oss.auth.CredentialsProvider;
import org.ossmultipart.camel.oss.internal.HttpRequestFactory;
import org.ossmultipart.camel.oss.internal.OssCall;
import org.ossmultipart.camel.oss.signing.SignatureVersion;

/** Endpoints derived from region and endpointType, region sanity, bucket domains, custom domains. */
class EndpointsTest {

    private static OssClientConfig.Builder base() {
        return OssClientConfig.builder()
                .credentialsProvider(CredentialsProvider.of(new Credentials("id", "secret", null)));
    }

    @ParameterizedTest
    @CsvSource({
        "PUBLIC, https://oss-cn-hangzhou.aliyuncs.com",
        "INTERNAL, https://oss-cn-hangzhou-internal.aliyuncs.com",
        "ACCELERATE, https://oss-accelerate.aliyuncs.com",
        "ACCELERATE_OVERSEAS, https://oss-accelerate-overseas.aliyuncs.com",
        "DUAL_STACK, https://cn-hangzhou.oss.aliyuncs.com"
    })
    void theEndpointTypeDerivesTheHost(EndpointType type, String endpoint) {
        assertThat(base().region("cn-hangzhou").endpointType(type).build().endpoint())
                .hasToString(endpoint);
    }

    @ParameterizedTest
    @CsvSource({"CN-HANGZHOU, cn-hangzhou", "oss-cn-shanghai, cn-shanghai", " ap-southeast-1 , ap-southeast-1"})
    void unambiguousRegionsAreNormalised(String written, String region) {
        assertThat(base().region(written).build().region()).isEqualTo(region);
    }

    @Test
    void wrongRegionsAreRefusedAndUnknownOnesAccepted() {
        assertThatThrownBy(() -> base().region("cn-hangzou")).hasMessageContaining("did you mean cn-hangzhou?");
        assertThatThrownBy(() -> base().region("cn_hangzhou")).hasMessageContaining("'cn_hangzhou'");
        assertThatThrownBy(() -> base().region("oss-cn-beijing-internal"))
                .hasMessageContaining("region=cn-beijing and endpointType=internal");
        assertThat(base().region("xx-newregion-9").build().region()).isEqualTo("xx-newregion-9");
    }

    @Test
    void theBucketDomainTheConsoleShowsIsReadAsTheServiceEndpoint() {
        assertThat(base().region("cn-hangzhou")
                        .bucket("my-bucket")
                        .endpoint("https://my-bucket.oss-cn-hangzhou.aliyuncs.com")
                        .build()
                        .endpoint())
                .hasToString("https://oss-cn-hangzhou.aliyuncs.com");
        assertThatThrownBy(() -> base().region("cn-hangzhou")
                        .bucket("my-bucket")
                        .endpoint("https://other.oss-cn-hangzhou-internal.aliyuncs.com")
                        .build())
                .hasMessageContaining("the domain of bucket 'other', not of bucket 'my-bucket'")
                .hasMessageContaining("https://oss-cn-hangzhou-internal.aliyuncs.com");
        assertThatThrownBy(() -> base().region("cn-hangzhou")
                        .endpoint("https://my-bucket.oss-cn-hangzhou.aliyuncs.com")
                        .build())
                .hasMessageContaining("give the service endpoint");
    }

    @Test
    void conflictingSettingsAreRefused() {
        assertThatThrownBy(() -> base().region("cn-hangzhou")
                        .endpointType(EndpointType.INTERNAL)
                        .endpoint("https://oss-cn-hangzhou.aliyuncs.com")
                        .build())
                .hasMessageContaining("either endpointType or endpoint");
        assertThatThrownBy(() -> base().region("cn-hangzhou").cname(true).build())
                .hasMessageContaining("cname=true needs endpoint");
        assertThatThrownBy(() -> base().region("cn-hangzhou")
                        .cname(true)
                        .pathStyleAccess(true)
                        .endpoint("https://files.example.com")
                        .build())
                .hasMessageContaining("exclude each other");
    }

    private static ClassicHttpRequest request(OssClientConfig config) {
        return new HttpRequestFactory(config)
                .build(
                        new OssCall("PutObject", "PUT", "my-bucket", "a b/c.txt"),
                        new Credentials("id", "secret", null),
                        Instant.parse("2026-12-07T10:00:00Z"));
    }

    @Test
    void aCustomDomainNamesNoBucketInHostOrPathAndTheSignatureStillNamesIt() throws Exception {
        for (SignatureVersion version : SignatureVersion.values()) {
            OssClientConfig cname = base().region("cn-hangzhou")
                    .signatureVersion(version)
                    .endpoint("https://files.example.com")
                    .cname(true)
                    .build();
            OssClientConfig hosted = base().region("cn-hangzhou")
                    .signatureVersion(version)
                    .endpoint("https://oss-cn-hangzhou.aliyuncs.com")
                    .build();
            ClassicHttpRequest viaCname = request(cname);
            assertThat(new HttpRequestFactory(cname).target("my-bucket").getHostName())
                    .isEqualTo("files.example.com");
            assertThat(viaCname.getRequestUri()).isEqualTo("/a%20b/c.txt");
            assertThat(new HttpRequestFactory(hosted).target("my-bucket").getHostName())
                    .isEqualTo("my-bucket.oss-cn-hangzhou.aliyuncs.com");
            // the same signature as virtual-hosted addressing: both sign /my-bucket/a b/c.txt
            assertThat(viaCname.getFirstHeader("Authorization").getValue())
                    .isEqualTo(request(hosted).getFirstHeader("Authorization").getValue());
        }
    }

    @Test
    void requesterPaysGoesOnEveryRequestAndIsSigned() throws Exception {
        OssClientConfig payer = base().region("cn-hangzhou").requesterPays(true).build();
        OssClientConfig owner = base().region("cn-hangzhou").build();
        ClassicHttpRequest paid = request(payer);
        assertThat(paid.getFirstHeader("x-oss-request-payer").getValue()).isEqualTo("requester");
        assertThat(request(owner).getFirstHeader("x-oss-request-payer")).isNull();
        assertThat(paid.getFirstHeader("Authorization").getValue())
                .as("an x-oss-* header is signed")
                .isNotEqualTo(request(owner).getFirstHeader("Authorization").getValue());
    }
}
