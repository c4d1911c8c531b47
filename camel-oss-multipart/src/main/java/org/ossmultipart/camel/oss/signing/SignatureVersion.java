package org.ossmultipart.camel.oss.signing;

/** How requests are signed. V4 is the default and the one OSS recommends. */
public enum SignatureVersion {
    /** HMAC-SHA1, {@code Authorization: OSS ak:signature}. For old deployments. */
    V1,
    /** OSS4-HMAC-SHA256 with a region-scoped signing key. */
    V4
}
