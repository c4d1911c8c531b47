package org.ossmultipart.camel.upload;

import java.time.Duration;
import java.time.Instant;
import org.ossmultipart.camel.units.ByteSize;

/**
 * One upload as an operator sees it: running (outcome null) or finished. {@code totalBytes} is -1 for
 * a stream of unknown length; {@code uploadId} is null before Initiate and for a single PutObject.
 * Built by name with {@link #builder}.
 */
public final class UploadSnapshot {

    private final String bucket;
    private final String key;
    private final String uploadId;
    private final Instant started;
    private final Duration elapsed;
    private final long bytesDone;
    private final long totalBytes;
    private final int partsDone;
    private final int partsInFlight;
    private final long bufferedBytes;
    private final String outcome;
    private final String errorCode;

    private UploadSnapshot(Builder b) {
        this.bucket = b.bucket;
        this.key = b.key;
        this.uploadId = b.uploadId;
        this.started = b.started;
        this.elapsed = b.elapsed;
        this.bytesDone = b.bytesDone;
        this.totalBytes = b.totalBytes;
        this.partsDone = b.partsDone;
        this.partsInFlight = b.partsInFlight;
        this.bufferedBytes = b.bufferedBytes;
        this.outcome = b.outcome;
        this.errorCode = b.errorCode;
    }

    public static Builder builder(String bucket, String key, Instant started) {
        return new Builder(bucket, key, started);
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

    public Instant started() {
        return started;
    }

    public Duration elapsed() {
        return elapsed;
    }

    public long bytesDone() {
        return bytesDone;
    }

    public long totalBytes() {
        return totalBytes;
    }

    public int partsDone() {
        return partsDone;
    }

    public int partsInFlight() {
        return partsInFlight;
    }

    /** Bytes the upload holds in part buffers (0 once it ended). */
    public long bufferedBytes() {
        return bufferedBytes;
    }

    /** completed, failed or aborted; null while it runs. */
    public String outcome() {
        return outcome;
    }

    public String errorCode() {
        return errorCode;
    }

    /** Average rate so far in MiB/s. */
    public double mibPerSecond() {
        return ByteSize.mibPerSecond(bytesDone, elapsed);
    }

    /** Names every value of a snapshot. */
    public static final class Builder {
        private final String bucket;
        private final String key;
        private final Instant started;
        private String uploadId;
        private Duration elapsed = Duration.ZERO;
        private long bytesDone;
        private long totalBytes = -1;
        private int partsDone;
        private int partsInFlight;
        private long bufferedBytes;
        private String outcome;
        private String errorCode;

        private Builder(String bucket, String key, Instant started) {
            this.bucket = bucket;
            this.key = key;
            this.started = started;
        }

        public Builder uploadId(String uploadId) {
            this.uploadId = uploadId;
            return this;
        }

        public Builder elapsed(Duration elapsed) {
            this.elapsed = elapsed;
            return this;
        }

        public Builder progress(long bytesDone, long totalBytes, int partsDone) {
            this.bytesDone = bytesDone;
            this.totalBytes = totalBytes;
            this.partsDone = partsDone;
            return this;
        }

        public Builder partsInFlight(int partsInFlight) {
            this.partsInFlight = partsInFlight;
            return this;
        }

        public Builder bufferedBytes(long bufferedBytes) {
            this.bufferedBytes = bufferedBytes;
            return this;
        }

        /** How it ended (null while running) and the error code of a failure. */
        public Builder ended(String outcome, String errorCode) {
            this.outcome = outcome;
            this.errorCode = errorCode;
            return this;
        }

        public UploadSnapshot build() {
            return new UploadSnapshot(this);
        }
    }
}
