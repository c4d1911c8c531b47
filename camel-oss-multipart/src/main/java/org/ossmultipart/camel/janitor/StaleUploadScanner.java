package org.ossmultipart.camel.janitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.ossmultipart.camel.oss.OssClient;
import org.ossmultipart.camel.oss.model.MultipartUpload;
import org.ossmultipart.camel.oss.model.PartSummary;

/**
 * Walks every in-progress upload of a bucket (lazily, page by page) and yields those initiated more
 * than {@code staleAfter} ago. One scan is one pass over the listing; a consumer keeps a scan open
 * across polls when it emits a limited number per poll, so it continues where it stopped.
 */
public final class StaleUploadScanner {

    private final OssClient client;
    private final String bucket;
    private final String prefix;
    private final Duration staleAfter;
    private final Clock clock;

    public StaleUploadScanner(OssClient client, String bucket, String prefix, Duration staleAfter, Clock clock) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix == null || prefix.isEmpty() ? null : prefix;
        this.staleAfter = staleAfter;
        this.clock = clock;
    }

    /** A new pass over the listing; "now" is read once, when the pass starts. */
    public Iterator<StaleUpload> scan() {
        Instant now = clock.instant();
        Instant threshold = now.minus(staleAfter);
        Iterator<MultipartUpload> all = client.listAllMultipartUploads(bucket, prefix).iterator();
        return new Iterator<>() {
            private StaleUpload next;

            @Override
            public boolean hasNext() {
                while (next == null && all.hasNext()) {
                    MultipartUpload u = all.next();
                    if (u.initiated() != null && u.initiated().isBefore(threshold)) {
                        next = new StaleUpload(bucket, u.key(), u.uploadId(), u.initiated(), u.storageClass(),
                                Duration.between(u.initiated(), now), null, null);
                    }
                }
                return next != null;
            }

            @Override
            public StaleUpload next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                StaleUpload n = next;
                next = null;
                return n;
            }
        };
    }

    /** The upload with its part count and stored bytes, from ListParts (all pages). */
    public StaleUpload withParts(StaleUpload upload) {
        long[] countAndBytes = new long[2];
        client.listAllParts(bucket, upload.key(), upload.uploadId()).forEach((PartSummary p) -> {
            countAndBytes[0]++;
            countAndBytes[1] += p.size();
        });
        return upload.withParts((int) countAndBytes[0], countAndBytes[1]);
    }
}
