package org.ossmultipart.camel;

import org.ossmultipart.camel.janitor.JanitorPass;
import org.ossmultipart.camel.oss.OssException;
import org.ossmultipart.camel.oss.retry.RetryObserver;
import org.ossmultipart.camel.upload.UploadBoard;
import org.ossmultipart.camel.upload.UploadObserver;

/**
 * What an endpoint tells its meters: uploads, retries, buffers and janitor passes. {@link #NONE}
 * when the application has no Micrometer; this interface names no Micrometer type, so an endpoint
 * loads without it.
 */
interface EndpointMeters extends UploadObserver, RetryObserver {

    EndpointMeters NONE = new EndpointMeters() {};

    @Override
    default void retrying(OssException failure, int attempt) {}

    /** Reads the bytes the running uploads of {@code board} hold in part buffers. */
    default void watchBuffers(UploadBoard board) {}

    default void recordPass(JanitorPass pass) {}

    /** A refresh of temporary credentials (RRSA, roleArn) ended: {@code failure} null when it worked. */
    default void credentialsRefreshed(RuntimeException failure) {}
}
