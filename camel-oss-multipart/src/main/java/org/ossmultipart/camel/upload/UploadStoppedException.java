package org.ossmultipart.camel.upload;

/**
 * An upload that the application stopped before it ended (its uploader was stopped: a shutdown
 * whose grace period ran out). Said in those words, instead of the executor's rejection.
 */
public class UploadStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UploadStoppedException(String bucket, String key, String reason, int partsDone, long partsTotal) {
        super("upload of oss://" + bucket + "/" + key + " stopped by " + reason + " after " + partsDone
                + (partsTotal > 0 ? " of " + partsTotal : "") + " parts");
    }
}
