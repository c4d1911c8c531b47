package org.ossmultipart.camel.janitor;

import java.util.function.BooleanSupplier;
import org.ossmultipart.camel.janitor.JanitorPass.Count;
import org.ossmultipart.camel.oss.MultipartClient;
import org.ossmultipart.camel.oss.OssException;
import org.ossmultipart.camel.upload.LiveUploads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The janitor's abort of a stale upload whose exchange succeeded: claims the upload (so that no
 * producer of this application resumes it meanwhile), sends the abort, says and counts what came of
 * it, and releases the claim. Never throws: an abort that fails is tried again by the next pass.
 */
public final class StaleUploadAborter {

    private static final Logger LOG = LoggerFactory.getLogger(StaleUploadAborter.class);

    private final MultipartClient client;
    private final LiveUploads live;
    private final BooleanSupplier running;

    /** @param running false once the janitor is stopping (shutdown, or leadership lost behind master:) */
    public StaleUploadAborter(MultipartClient client, LiveUploads live, BooleanSupplier running) {
        this.client = client;
        this.live = live;
        this.running = running;
    }

    public void abort(StaleUpload upload, PassTally pass) {
        if (!running.getAsBoolean()) {
            // the next pass, perhaps on another node, aborts it; aborting now could race with that node
            pass.add(Count.DEFERRED);
            LOG.info(
                    "Not aborting stale upload {} of oss://{}/{}: the janitor is stopping; the next pass will",
                    upload.uploadId(),
                    upload.bucket(),
                    upload.key());
            return;
        }
        if (!live.tryBeginAbort(upload.bucket(), upload.key(), upload.uploadId())) {
            pass.add(Count.LIVE);
            LOG.info(
                    "Not aborting upload {} of oss://{}/{}: a producer of this application resumed it meanwhile",
                    upload.uploadId(),
                    upload.bucket(),
                    upload.key());
            return;
        }
        try {
            send(upload, pass);
        } finally {
            live.endAbort(upload.bucket(), upload.key(), upload.uploadId());
        }
    }

    /** The abort request of a claimed upload, counted and said as it came out. */
    private void send(StaleUpload upload, PassTally pass) {
        try {
            if (client.abortIfPresent(upload.bucket(), upload.key(), upload.uploadId())) {
                pass.add(Count.ABORTED);
                LOG.info(
                        "Aborted stale upload {} of oss://{}/{} (initiated {}, last activity {})",
                        upload.uploadId(),
                        upload.bucket(),
                        upload.key(),
                        upload.initiated(),
                        upload.lastActivity() == null ? "unknown" : upload.lastActivity());
            } else {
                pass.add(Count.GONE);
                LOG.debug("Stale upload {} was already completed or aborted", upload.uploadId());
            }
        } catch (RuntimeException e) {
            // refused by the server, or the client was closed under a stopping janitor
            pass.add(Count.ABORT_FAILURES);
            LOG.warn(
                    "Could not abort stale upload {} of oss://{}/{}; the next pass tries again: {}",
                    upload.uploadId(),
                    upload.bucket(),
                    upload.key(),
                    e instanceof OssException ? e.getMessage() : e.toString());
        }
    }
}
