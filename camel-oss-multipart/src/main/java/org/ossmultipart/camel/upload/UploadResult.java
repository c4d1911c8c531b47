package org.ossmultipart.camel.upload;

import java.time.Duration;
import org.ossmultipart.camel.units.ByteSize;

/**
 * A completed, verified upload. {@code crc64} is the whole object's CRC-64 (unsigned, in a long);
 * {@code uploadId} is null for a body stored with one PutObject ({@code partCount} 0). Built by name
 * with {@link #builder}.
 */
public final class UploadResult {

    private final String bucket;
    private final String key;
    private final String uploadId;
    private final String etag;
    private final long crc64;
    private final long size;
    private final String requestId;
    private final int partCount;
    private final long partSize;
    private final int reusedParts;
    private final Duration elapsed;

    private UploadResult(Builder b) {
        this.bucket = b.bucket;
        this.key = b.key;
        this.uploadId = b.uploadId;
        this.etag = b.etag;
        this.crc64 = b.crc64;
        this.size = b.size;
        this.requestId = b.requestId;
        this.partCount = b.partCount;
        this.partSize = b.partSize;
        this.reusedParts = b.reusedParts;
        this.elapsed = b.elapsed;
    }

    public static Builder builder(String bucket, String key) {
        return new Builder(bucket, key);
    }

    public String bucket() {
        return bucket;
    }

    public String key() {
        return key;
    }

    public String uploadId() {
        return uploadId;
    }

    public String etag() {
        return etag;
    }

    public long crc64() {
        return crc64;
    }

    public long size() {
        return size;
    }

    public String requestId() {
        return requestId;
    }

    public int partCount() {
        return partCount;
    }

    public long partSize() {
        return partSize;
    }

    /** Parts of a resumed upload that were kept, not sent again. */
    public int reusedParts() {
        return reusedParts;
    }

    public Duration elapsed() {
        return elapsed;
    }

    /** Average rate in MiB/s. */
    public double mibPerSecond() {
        return ByteSize.mibPerSecond(size, elapsed);
    }

    @Override
    public String toString() {
        return "UploadResult[oss://" + bucket + "/" + key + ", uploadId=" + uploadId + ", size=" + size + ", parts="
                + partCount + ", crc64=" + Long.toUnsignedString(crc64) + "]";
    }

    /** Names every value of a result. */
    public static final class Builder {
        private final String bucket;
        private final String key;
        private String uploadId;
        private String etag;
        private long crc64;
        private long size;
        private String requestId;
        private int partCount;
        private long partSize;
        private int reusedParts;
        private Duration elapsed = Duration.ZERO;

        private Builder(String bucket, String key) {
            this.bucket = bucket;
            this.key = key;
        }

        /** The object as stored: its ETag, CRC-64, size, and the request id of the request that stored it. */
        public Builder stored(String etag, long crc64, long size, String requestId) {
            this.etag = etag;
            this.crc64 = crc64;
            this.size = size;
            this.requestId = requestId;
            return this;
        }

        /** The multipart upload that stored it; not called for a single PutObject. */
        public Builder multipart(String uploadId, int partCount, int reusedParts) {
            this.uploadId = uploadId;
            this.partCount = partCount;
            this.reusedParts = reusedParts;
            return this;
        }

        public Builder partSize(long partSize) {
            this.partSize = partSize;
            return this;
        }

        public Builder elapsed(Duration elapsed) {
            this.elapsed = elapsed;
            return this;
        }

        public UploadResult build() {
            return new UploadResult(this);
        }
    }
}
