package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.ossmultipart.camel.oss.OssException;
import org.ossmultipart.camel.oss.model.ObjectOptions;
import org.ossmultipart.testkit.Fault;
import org.ossmultipart.testkit.OssOperation;
import org.ossmultipart.testkit.RecordedRequest;

/**
 * A requester-pays bucket of another account (producer, low-level operations and the janitor with
 * requestPayer=requester), and a bucket addressed through a custom domain (cname=true, V4 and V1).
 */
class RequesterPaysAndCnameTest extends OssMultipartTestSupport {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final String OTHER_ID = "other-account-key";
    static final String OTHER_SECRET = "other-account-secret";

    private static byte[] data(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    private static String asOtherAccount(String bucket) {
        return "oss-multipart:" + bucket + "?accessKeyId=" + OTHER_ID + "&accessKeySecret=RAW(" + OTHER_SECRET + ")";
    }

    /** The requests a key made. */
    private static List<RecordedRequest> signedBy(String accessKeyId) {
        return server().requestLog().all().stream()
                .filter(r -> String.valueOf(r.header("authorization")).contains(accessKeyId))
                .toList();
    }

    @Test
    void anotherAccountUploadsAndCleansUpWithRequestPayerOnEveryRequest() throws Exception {
        server().requesterPays("rp-bucket").addCredentialsOfAnotherAccount(OTHER_ID, OTHER_SECRET);
        byte[] data = data(250 * 1024);
        Exchange up = template.request(asOtherAccount("rp-bucket") + "&requestPayer=requester&partSize=100KiB", e -> {
            e.getMessage().setBody(data);
            e.getMessage().setHeader(OssMultipartConstants.KEY, "paid/by-requester.bin");
        });
        assertThat(up.getException()).isNull();
        assertThat(verifier.getObjectBytes("rp-bucket", "paid/by-requester.bin"))
                .isEqualTo(data);

        // a stale upload of the owner, found and aborted by the other account's janitor
        String stale = verifier.initiateMultipartUpload("rp-bucket", "paid/stale.bin", ObjectOptions.none())
                .uploadId();
        verifier.uploadPart(
                "rp-bucket", "paid/stale.bin", stale, 1, org.ossmultipart.camel.oss.model.RequestBody.ofBytes(data));
        server().setInitiated("rp-bucket", stale, NOW.minus(Duration.ofDays(2)));
        context.getRegistry().bind("clock", Clock.fixed(NOW, ZoneOffset.UTC));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(asOtherAccount("rp-bucket")
                                + "&requestPayer=requester&abortStale=true&staleAfter=1d&staleBy=initiated&includeParts=true&clock=#clock"
                                + "&initialDelay=0&delay=20&repeatCount=1")
                        .to("mock:aborted");
            }
        });
        MockEndpoint aborted = getMockEndpoint("mock:aborted");
        aborted.expectedMessageCount(1);
        aborted.assertIsSatisfied();
        org.awaitility.Awaitility.await()
                .until(() -> server().uploads("rp-bucket").isEmpty());

        List<RecordedRequest> theirs = signedBy(OTHER_ID);
        assertThat(theirs)
                .extracting(RecordedRequest::operation)
                .contains(
                        OssOperation.INITIATE_MULTIPART_UPLOAD,
                        OssOperation.UPLOAD_PART,
                        OssOperation.COMPLETE_MULTIPART_UPLOAD,
                        OssOperation.LIST_MULTIPART_UPLOADS,
                        OssOperation.LIST_PARTS,
                        OssOperation.ABORT_MULTIPART_UPLOAD);
        assertThat(theirs).allSatisfy(r -> {
            assertThat(r.header("x-oss-request-payer")).isEqualTo("requester");
            assertThat(r.status()).as("%s", r.operation()).isBetween(200, 299);
        });
    }

    @Test
    void withoutRequestPayerTheOtherAccountIsRefusedAsOssRefusesIt() {
        server().requesterPays("rp-refused").addCredentialsOfAnotherAccount(OTHER_ID, OTHER_SECRET);
        Exchange e = template.request(asOtherAccount("rp-refused") + "&retryBudget=0", x -> {
            x.getMessage().setBody(data(100));
            x.getMessage().setHeader(OssMultipartConstants.KEY, "refused.bin");
        });
        assertThat(e.getException())
                .hasMessageContaining("HTTP 403 AccessDenied - Access denied for requester pay bucket")
                .hasMessageContaining("set requestPayer=requester")
                .hasRootCauseInstanceOf(OssException.class);
        // the owner needs no header
        verifier.putObject(
                "rp-refused",
                "owner.bin",
                org.ossmultipart.camel.oss.model.RequestBody.ofBytes(data(10)),
                ObjectOptions.none());
        assertThat(server().objectKeys("rp-refused")).containsExactly("owner.bin");
    }

    @Test
    void theLowLevelOperationsSayTheyPayToo() {
        server().requesterPays("rp-low-level").addCredentialsOfAnotherAccount(OTHER_ID, OTHER_SECRET);
        String uri = asOtherAccount("rp-low-level") + "&requestPayer=requester&operation=";
        String id = template.request(
                        uri + "initiateMultipartUpload",
                        x -> x.getMessage().setHeader(OssMultipartConstants.KEY, "low.bin"))
                .getMessage()
                .getHeader(OssMultipartConstants.UPLOAD_ID, String.class);
        for (String operation : List.of("uploadPart", "listParts", "listMultipartUploads", "completeMultipartUpload")) {
            Exchange e = template.request(uri + operation, x -> {
                x.getMessage().setBody(data(1000));
                x.getMessage().setHeader(OssMultipartConstants.KEY, "low.bin");
                x.getMessage().setHeader(OssMultipartConstants.UPLOAD_ID, id);
                x.getMessage().setHeader(OssMultipartConstants.PART_NUMBER, 1);
            });
            assertThat(e.getException()).as(operation).isNull();
        }
        assertThat(verifier.getObjectBytes("rp-low-level", "low.bin")).isEqualTo(data(1000));
        List<RecordedRequest> theirs = signedBy(OTHER_ID);
        assertThat(theirs)
                .extracting(RecordedRequest::operation)
                .contains(
                        OssOperation.INITIATE_MULTIPART_UPLOAD,
                        OssOperation.UPLOAD_PART,
                        OssOperation.LIST_PARTS,
                        OssOperation.LIST_MULTIPART_UPLOADS,
                        OssOperation.COMPLETE_MULTIPART_UPLOAD);
        assertThat(theirs)
                .allSatisfy(r -> assertThat(r.header("x-oss-request-payer")).isEqualTo("requester"));
    }

    @Test
    void thePublicEndpointRefusedToNewAccountsSaysWhatToUseInstead() {
        server().faults().inject(OssOperation.PUT_OBJECT, Fault.error(400, "PublicEndpointForbidden"), 1);
        Exchange e = template.request("oss-multipart:public-forbidden", x -> {
            x.getMessage().setBody("x");
            x.getMessage().setHeader(OssMultipartConstants.KEY, "k");
        });
        assertThat(e.getException())
                .hasMessageContaining("PublicEndpointForbidden")
                .hasMessageContaining("endpointType=internal")
                .hasMessageContaining("cname=true");
    }

    @Test
    void aCustomDomainAddressesTheBucketWithoutNamingItInHostOrPathWithBothSignatures() {
        server().cname("localhost", "cname-bucket");
        String endpoint = "http://localhost:" + server().port();
        for (String version : List.of("V4", "V1")) {
            byte[] data = data(220 * 1024);
            String key = "via-cname/" + version + " file.bin";
            Exchange e = template.request(
                    "oss-multipart:cname-bucket?cname=true&endpoint=" + endpoint + "&signatureVersion=" + version
                            + "&partSize=100KiB",
                    x -> {
                        x.getMessage().setBody(data);
                        x.getMessage().setHeader(OssMultipartConstants.KEY, key);
                    });
            assertThat(e.getException()).isNull();
            assertThat(verifier.getObjectBytes("cname-bucket", key)).isEqualTo(data);
        }
        List<RecordedRequest> viaCname = server().requestLog().all().stream()
                .filter(r ->
                        "cname-bucket".equals(r.bucket()) && r.header("host").startsWith("localhost"))
                .toList();
        assertThat(viaCname).hasSizeGreaterThanOrEqualTo(2 * 5);
        assertThat(viaCname).allSatisfy(r -> {
            assertThat(r.rawUri()).doesNotContain("cname-bucket").matches("/(via-cname/.*|\\?uploads.*)");
            assertThat(r.status()).isBetween(200, 299);
        });
    }
}
