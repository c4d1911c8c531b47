package org.ossmultipart.camel.oss.model;

/** The answer to PutObject, and what became of its upload callback. */
public record PutObjectResult(String etag, Long crc64, String requestId, CallbackOutcome callback) {}
