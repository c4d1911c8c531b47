package org.ossmultipart.camel.upload;

import java.time.Duration;
import java.util.Objects;
import org.ossmultipart.camel.oss.OssLimits;
import org.ossmultipart.camel.oss.OssNames;
import org.ossmultipart.camel.oss.model.ObjectOptions;

/** What to upload where, and how. Built with {@link #builder}; checked by {@link Builder#build()}. */
public final class UploadRequest {

    final String bucket;
    final String key;
    final PartSource source;
    final ObjectOptions options;
    final long partSize;
    /** Bodies of at most this many bytes are stored with one PutObject. */
    final long multipartThreshold;
    /** The most bytes a stream's part buffers may hold; not positive: (concurrency + 1) x partSize. */
    final long streamMemoryLimit;

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
        this.multipartThreshold = b.multipartThreshold >= 0 ? b.multipartThreshold : b.partSize;
        this.streamMemoryLimit = b.streamMemoryLimit;
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

    /** Refuses a threshold above what one PutObject may store; -1 stands for partSize. */
    public static long checkMultipartThreshold(long bytes) {
        if (bytes < -1 || bytes > OssLimits.MAX_PUT_OBJECT_SIZE) {
            throw new IllegalArgumentException("multipartThreshold must be between 0 and "
                    + OssLimits.MAX_PUT_OBJECT_SIZE + " (5 GiB, the largest PutObject) bytes, was " + bytes);
        }
        return bytes;
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
        private long multipartThreshold = -1;
        private long streamMemoryLimit = -1;
        private int concurrency = 8;
        private boolean contentMd5;
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

        /**
         * Bodies up to this size are stored with one PutObject instead of a multipart upload; -1 (the
         * default) means partSize, 0 means always multipart (an empty body excepted). A stream body is
         * read into one part buffer first, so for streams the threshold is at most partSize.
         */
        public Builder multipartThreshold(long bytes) {
            this.multipartThreshold = bytes;
            return this;
        }

        /**
         * The most bytes the part buffers of a stream body may hold (-1, the default: (concurrency + 1)
         * x partSize). A stream of unknown length grows its parts; they then upload fewer at a time,
         * and the upload fails, aborted, when one part no longer fits.
         */
        public Builder streamMemoryLimit(long bytes) {
            this.streamMemoryLimit = bytes;
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
            checkMultipartThreshold(multipartThreshold);
            checkConcurrency(concurrency);
            return new UploadRequest(this);
        }
    }
}
