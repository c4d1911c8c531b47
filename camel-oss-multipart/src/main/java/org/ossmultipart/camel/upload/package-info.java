/**
 * The multipart upload engine: cuts a body into parts (file, array or stream), uploads them in
 * parallel from a bounded buffer pool, verifies each part and the whole object, completes or aborts,
 * resumes. No Camel.
 */
package org.ossmultipart.camel.upload;
