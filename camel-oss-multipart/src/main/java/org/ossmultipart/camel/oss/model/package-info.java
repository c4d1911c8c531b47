/**
 * The values of the OSS operations: requests, results, parts, object settings, request bodies with
 * their digests.
 */
package org.ossmultipart.camel.oss.model;
