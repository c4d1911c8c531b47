/**
 * Request signing, V1 (HMAC-SHA1) and V4 (OSS4-HMAC-SHA256), and OSS URL encoding: the one place that
 * signs.
 */
package org.ossmultipart.camel.oss.signing;
