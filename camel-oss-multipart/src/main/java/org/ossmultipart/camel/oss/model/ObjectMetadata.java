package org.ossmultipart.camel.oss.model;

import java.time.Instant;
import java.util.Map;

/** What HeadObject / GetObject tell about an object. */
public record ObjectMetadata(
        long contentLength,
        String contentType,
        String etag,
        Long crc64,
        Instant lastModified,
        String storageClass,
        String objectType,
        Map<String, String> userMetadata,
        String requestId) {}
