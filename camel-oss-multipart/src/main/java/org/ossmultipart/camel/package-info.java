/**
 * The Camel glue: the {@code oss-multipart} component, its endpoint, producer and janitor consumer.
 * Thin: reads options and headers, calls the engine, the scan or the wire client below, writes headers
 * back. The only package that uses Camel.
 */
package org.ossmultipart.camel;
