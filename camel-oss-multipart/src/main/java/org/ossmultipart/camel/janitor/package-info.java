/**
 * The stale-upload scan: pages the in-progress uploads of a bucket, judges each by its last activity,
 * counts a pass. No Camel.
 */
package org.ossmultipart.camel.janitor;
