package org.ossmultipart.camel.janitor;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ossmultipart.camel.oss.json.Json;
import org.ossmultipart.camel.oss.model.MultipartUpload;

/**
 * An in-progress multipart upload whose last activity is older than the threshold: what the janitor
 * consumer emits. {@code age} counts from Initiated. {@code lastActivity} is the newest of Initiated
 * and the LastModified of its newest part; it, {@code partCount} and {@code storedBytes} are null
 * when the parts were not listed ({@code staleBy=initiated} without {@code includeParts}).
 */
public record StaleUpload(
        String bucket,
        String key,
        String uploadId,
        Instant initiated,
        Instant lastActivity,
        String storageClass,
        Duration age,
        Integer partCount,
        Long storedBytes) {

    /** Judged by its Initiated time alone: its parts were not listed. */
    static StaleUpload byInitiation(String bucket, MultipartUpload upload, Duration age) {
        return new StaleUpload(
                bucket,
                upload.key(),
                upload.uploadId(),
                upload.initiated(),
                null,
                upload.storageClass(),
                age,
                null,
                null);
    }

    /** Judged with its parts listed: their count and bytes, and the newest activity they show. */
    static StaleUpload withParts(
            String bucket,
            MultipartUpload upload,
            Duration age,
            Instant lastActivity,
            int partCount,
            long storedBytes) {
        return new StaleUpload(
                bucket,
                upload.key(),
                upload.uploadId(),
                upload.initiated(),
                lastActivity,
                upload.storageClass(),
                age,
                partCount,
                storedBytes);
    }

    /** Plain values (strings and numbers) for JSON or logging. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bucket", bucket);
        m.put("key", key);
        m.put("uploadId", uploadId);
        m.put("initiated", initiated == null ? null : initiated.toString());
        if (lastActivity != null) {
            m.put("lastActivity", lastActivity.toString());
        }
        m.put("storageClass", storageClass);
        m.put("ageSeconds", age.toSeconds());
        if (partCount != null) {
            m.put("partCount", partCount);
            m.put("storedBytes", storedBytes);
        }
        return m;
    }

    /** The upload as a JSON object. */
    public String toJson() {
        return Json.object(toMap());
    }
}
