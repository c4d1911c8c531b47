package org.ossmultipart.camel.upload;

import java.time.Duration;
import org.ossmultipart.camel.oss.model.CallbackOutcome;
import org.ossmultipart.camel.units.ByteSize;

/**
 * A completed, verified upload: the object as stored, and the multipart upload that stored it
 * ({@link Multipart#NONE} for a body stored with one PutObject).
 */
public record UploadResult(String bucket, String key, Stored stored, Multipart multipart, Duration elapsed) {

    /**
     * The object: its ETag, its whole CRC-64 (unsigned, in a long), its size, and the id of the
     * request that stored it.
     */
    public record Stored(String etag, long crc64, long size, String requestId, CallbackOutcome callback) {}

    /** The upload's id, its part count and size, and the parts of a resumed upload that were kept. */
    public record Multipart(String uploadId, int partCount, long partSize, int reusedParts) {
        public static final Multipart NONE = new Multipart(null, 0, 0, 0);
    }

    public String etag() {
        return stored.etag();
    }

    public long crc64() {
        return stored.crc64();
    }

    public long size() {
        return stored.size();
    }

    public String requestId() {
        return stored.requestId();
    }

    /** What became of the upload callback ({@link CallbackOutcome#NONE} without one). */
    public CallbackOutcome callback() {
        return stored.callback();
    }

    /** Null for a single PutObject. */
    public String uploadId() {
        return multipart.uploadId();
    }

    /** 0 for a single PutObject. */
    public int partCount() {
        return multipart.partCount();
    }

    public int reusedParts() {
        return multipart.reusedParts();
    }

    /** Average rate in MiB/s. */
    public double mibPerSecond() {
        return ByteSize.mibPerSecond(size(), elapsed);
    }
}
