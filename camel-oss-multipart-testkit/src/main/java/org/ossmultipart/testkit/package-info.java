/**
 * A local OSS-compatible server for tests and offline development, with fault injection, a request log
 * and a settable clock, and its JUnit 5 extension. Independent of the component: its own signature
 * check and CRC-64.
 */
package org.ossmultipart.testkit;
