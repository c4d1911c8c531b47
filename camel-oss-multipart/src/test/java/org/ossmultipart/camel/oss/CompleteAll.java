package org.ossmultipart.camel.oss;

import org.ossmultipart.camel.oss.internal.OssCall;
import org.ossmultipart.camel.oss.model.CompleteMultipartUploadResult;
import org.ossmultipart.camel.oss.model.ObjectOptions;

/**
 * CompleteMultipartUpload with {@code x-oss-complete-all: yes} (the server lists and sorts the
 * parts): the component always completes with its own list, so only the tests of the local server's
 * rules send it.
 */
final class CompleteAll {

    private CompleteAll() {}

    static CompleteMultipartUploadResult complete(
            OssClient client, String bucket, String key, String uploadId, ObjectOptions options) {
        OssCall call = client.completeCall(bucket, key, uploadId, options).header("x-oss-complete-all", "yes");
        return client.execute(
                call, response -> client.completeResult(call.describe(), bucket, key, response, null, false));
    }
}
