/**
 * The wire client's own machinery: building HTTP requests from calls, mapping error answers to the one
 * error type, reading responses. Not for use outside {@code oss} (the layering test checks it).
 */
package org.ossmultipart.camel.oss.internal;
