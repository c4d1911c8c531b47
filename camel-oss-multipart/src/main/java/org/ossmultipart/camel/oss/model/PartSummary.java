package org.ossmultipart.camel.oss.model;

import java.time.Instant;

/** A stored part as ListParts reports it; {@code crc64} may be null on old servers. */
public record PartSummary(int partNumber, String etag, long size, Long crc64, Instant lastModified) {

    public PartETag toPartETag() {
        return new PartETag(partNumber, etag, size, crc64);
    }
}
