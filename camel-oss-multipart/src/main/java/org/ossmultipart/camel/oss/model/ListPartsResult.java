package org.ossmultipart.camel.oss.model;

import java.util.List;

/** One page of ListParts. */
public record ListPartsResult(
        String bucket,
        String key,
        String uploadId,
        String storageClass,
        int partNumberMarker,
        int nextPartNumberMarker,
        int maxParts,
        boolean truncated,
        List<PartSummary> parts,
        String requestId) {}
