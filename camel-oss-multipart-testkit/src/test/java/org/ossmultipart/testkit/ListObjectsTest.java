package org.ossmultipart.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.ListObjectsV2Request;
import com.aliyun.oss.model.ListObjectsV2Result;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.ObjectListing;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "What is in the bucket" as users' tests ask it, with the official OSS Java SDK: ListObjects v1 and
 * v2, prefix, delimiter, markers and continuation tokens, page by page.
 */
class ListObjectsTest {

    @RegisterExtension
    static final LocalOssServerExtension OSS_SERVER = new LocalOssServerExtension();

    private static final String BUCKET = "listing";
    private static OSS sdk;

    @BeforeAll
    static void fill() {
        ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
        conf.setSLDEnabled(true);
        conf.setSignatureVersion(SignVersion.V4);
        conf.setMaxErrorRetry(0);
        sdk = OSSClientBuilder.create()
                .endpoint(OSS_SERVER.server().endpoint())
                .region(LocalOssServer.DEFAULT_REGION)
                .credentialsProvider(new DefaultCredentialProvider(
                        LocalOssServer.DEFAULT_ACCESS_KEY_ID, LocalOssServer.DEFAULT_ACCESS_KEY_SECRET))
                .clientConfiguration(conf)
                .build();
        for (String key : List.of("a.txt", "b/1.txt", "b/2.txt", "b/c/3.txt", "d/4.txt", "e.txt", "中文/5.txt")) {
            sdk.putObject(BUCKET, key, new ByteArrayInputStream(key.getBytes()));
        }
    }

    @AfterAll
    static void close() {
        sdk.shutdown();
    }

    private static List<String> keys(List<OSSObjectSummary> summaries) {
        return summaries.stream().map(OSSObjectSummary::getKey).toList();
    }

    @Test
    void v1ListsEverythingInKeyOrderWithSizesAndETags() {
        ObjectListing all = sdk.listObjects(BUCKET);
        assertThat(keys(all.getObjectSummaries()))
                .containsExactly("a.txt", "b/1.txt", "b/2.txt", "b/c/3.txt", "d/4.txt", "e.txt", "中文/5.txt");
        OSSObjectSummary a = all.getObjectSummaries().get(0);
        assertThat(a.getSize()).isEqualTo("a.txt".length());
        assertThat(a.getETag()).isEqualTo(sdk.getObjectMetadata(BUCKET, "a.txt").getETag());
        assertThat(all.isTruncated()).isFalse();
    }

    @Test
    void v1WithPrefixDelimiterAndPagesOfTwo() {
        List<String> seen = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            ObjectListing page = sdk.listObjects(new ListObjectsRequest(BUCKET)
                    .withDelimiter("/")
                    .withMarker(marker)
                    .withMaxKeys(2));
            seen.addAll(keys(page.getObjectSummaries()));
            prefixes.addAll(page.getCommonPrefixes());
            marker = page.isTruncated() ? page.getNextMarker() : null;
            pages++;
        } while (marker != null);
        assertThat(seen).containsExactly("a.txt", "e.txt");
        assertThat(prefixes).containsExactly("b/", "d/", "中文/");
        assertThat(pages).isEqualTo(3);

        ObjectListing underB =
                sdk.listObjects(new ListObjectsRequest(BUCKET).withPrefix("b/").withDelimiter("/"));
        assertThat(keys(underB.getObjectSummaries())).containsExactly("b/1.txt", "b/2.txt");
        assertThat(underB.getCommonPrefixes()).containsExactly("b/c/");
    }

    @Test
    void v2WithContinuationTokensStartAfterAndKeyCount() {
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Result page = sdk.listObjectsV2(new ListObjectsV2Request(BUCKET)
                    .withPrefix("b/")
                    .withMaxKeys(2)
                    .withContinuationToken(token));
            assertThat(page.getKeyCount()).isEqualTo(page.getObjectSummaries().size());
            seen.addAll(keys(page.getObjectSummaries()));
            token = page.isTruncated() ? page.getNextContinuationToken() : null;
        } while (token != null);
        assertThat(seen).containsExactly("b/1.txt", "b/2.txt", "b/c/3.txt");

        ListObjectsV2Result after = sdk.listObjectsV2(new ListObjectsV2Request(BUCKET).withStartAfter("d/4.txt"));
        assertThat(keys(after.getObjectSummaries())).containsExactly("e.txt", "中文/5.txt");
    }

    @Test
    void aListingIsLoggedAsListObjects() {
        OSS_SERVER.server().requestLog().clear();
        sdk.listObjects(BUCKET);
        assertThat(OSS_SERVER.server().requestLog().count(OssOperation.LIST_OBJECTS))
                .isEqualTo(1);
    }
}
