package org.ossmultipart.camel.upload;

import java.time.Duration;
import java.util.Objects;
import org.ossmultipart.camel.oss.OssNames;
import org.ossmultipart.camel.oss.model.ObjectOptions;

/** What to upload where, and how. Built with {@link #builder}; checked by {@link Builder#build()}. */
public final class UploadRequest {

    final String bucket;
    final String key;
    final PartSource source;
    final ObjectOptions options;
    final long partSize;
    final int concurrency;
    final boolean contentMd5;
    final boolean abortOnFailure;
    final String resumeUploadId;
    final boolean resume;
    final UploadProgressListener listener;
    final Duration progressLogInterval;

    private UploadRequest(Builder b) {
        this.bucket = b.bucket;
        this.key = b.key;
        this.source = b.source;
        this.options = b.options;
        this.partSize = b.partSize;
        this.concurrency = b.concurrency;
        this.contentMd5 = b.contentMd5;
        this.abortOnFailure = b.abortOnFailure;
        this.resumeUploadId = b.resumeUploadId;
        this.resume = b.resume;
        this.listener = b.listener;
        this.progressLogInterval = b.progressLogInterval;
    }

    /** The most parts in flight per upload. */
    public static final int MAX_CONCURRENCY = 1000;

    /** Refuses a concurrency outside 1..{@value #MAX_CONCURRENCY}: the one check of this option. */
    public static int checkConcurrency(int concurrency) {
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException(
                    "concurrency must be between 1 and " + MAX_CONCURRENCY + ", was " + concurrency);
        }
        return concurrency;
    }

    public static Builder builder(String bucket, String key, PartSource source) {
        return new Builder(bucket, key, source);
    }

    /** Builder with the component's defaults. */
    public static final class Builder {
        private final String bucket;
        private final String key;
        private final PartSource source;
        private ObjectOptions options = ObjectOptions.none();
        private long partSize = 8L * 1024 * 1024;
        private int concurrency = 4;
        private boolean contentMd5 = true;
        private boolean abortOnFailure = true;
        private String resumeUploadId;
        private boolean resume;
        private UploadProgressListener listener;
        private Duration progressLogInterval = Duration.ofSeconds(10);

        Builder(String bucket, String key, PartSource source) {
            this.bucket = bucket;
            this.key = key;
            this.source = Objects.requireNonNull(source, "source");
        }

        public Builder options(ObjectOptions options) {
            this.options = Objects.requireNonNull(options);
            return this;
        }

        public Builder partSize(long partSize) {
            this.partSize = partSize;
            return this;
        }

        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        public Builder contentMd5(boolean contentMd5) {
            this.contentMd5 = contentMd5;
            return this;
        }

        public Builder abortOnFailure(boolean abortOnFailure) {
            this.abortOnFailure = abortOnFailure;
            return this;
        }

        /** Continue this upload instead of initiating one (file bodies reuse matching parts). */
        public Builder resumeUploadId(String uploadId) {
            this.resumeUploadId = uploadId == null || uploadId.isBlank() ? null : uploadId;
            return this;
        }

        /** Look for an unfinished upload of the same key and continue it (random-access bodies). */
        public Builder resume(boolean resume) {
            this.resume = resume;
            return this;
        }

        public Builder listener(UploadProgressListener listener) {
            this.listener = listener;
            return this;
        }

        /** How often a long upload logs a progress line at INFO. */
        public Builder progressLogInterval(Duration interval) {
            this.progressLogInterval = Objects.requireNonNull(interval);
            return this;
        }

        public UploadRequest build() {
            OssNames.validateBucket(bucket);
            OssNames.validateKey(key);
            PartSizing.validatePartSize(partSize);
            checkConcurrency(concurrency);
            return new UploadRequest(this);
        }
    }
}
