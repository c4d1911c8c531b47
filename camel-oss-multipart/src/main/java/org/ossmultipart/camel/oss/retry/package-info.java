/**
 * The one retry policy of the client and the engine: backoff with full jitter, clock-skew correction,
 * rotated credentials.
 */
package org.ossmultipart.camel.oss.retry;
