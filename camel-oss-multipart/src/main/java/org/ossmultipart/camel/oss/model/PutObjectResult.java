package org.ossmultipart.camel.oss.model;

/** The answer to PutObject. */
public record PutObjectResult(String etag, Long crc64, String requestId) {}
