/**
 * The OSS wire client: one method per operation ({@link org.ossmultipart.camel.oss.OssClient}), the
 * narrow interface the engine uses ({@link org.ossmultipart.camel.oss.MultipartClient}), its
 * configuration, errors and limits. No Camel, and nothing of the layers above.
 */
package org.ossmultipart.camel.oss;
