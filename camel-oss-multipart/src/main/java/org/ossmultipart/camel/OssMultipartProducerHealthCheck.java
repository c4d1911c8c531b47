package org.ossmultipart.camel;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.ossmultipart.camel.oss.OssException;
import org.ossmultipart.camel.oss.auth.StsException;

/**
 * Readiness of an oss-multipart producer, judged from its own recent exchanges, never from a request
 * of its own: DOWN once an exchange failed with an authentication or authorization error (the
 * credentials or the policy are wrong, every upload will fail), UP again after an exchange succeeds.
 * Transient errors (timeouts, 5xx, throttling) do not change it.
 */
final class OssMultipartProducerHealthCheck implements HealthCheck {

    /** Error codes that say the credentials or the permissions are wrong. */
    static final Set<String> AUTH_CODES = Set.of(
            "AccessDenied",
            "InvalidAccessKeyId",
            "SignatureDoesNotMatch",
            "SecurityTokenExpired",
            "InvalidSecurityToken",
            "InvalidBucketName",
            "UserDisable");

    private final String id;
    private final String bucket;
    private volatile boolean enabled = true;
    private volatile OssException authFailure;
    /** Expired temporary credentials that could not be refreshed (STS refused or unreachable). */
    private volatile StsException credentialsFailure;

    private volatile Instant failingSince;

    OssMultipartProducerHealthCheck(String bucket) {
        this.bucket = bucket;
        this.id = "oss-multipart-producer-" + bucket;
    }

    /** What an exchange ended with: null for success. */
    void record(Throwable failure) {
        if (failure == null) {
            authFailure = null;
            credentialsFailure = null;
            failingSince = null;
            return;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StsException sts) {
                if (authFailure == null && credentialsFailure == null) {
                    failingSince = Instant.now();
                }
                credentialsFailure = sts;
                return;
            }
            if (t instanceof OssException oss && AUTH_CODES.contains(oss.getErrorCode())) {
                if (authFailure == null) {
                    failingSince = Instant.now();
                }
                authFailure = oss;
                return;
            }
        }
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        return false; // wrong credentials do not call for a restart
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this).detail("bucket", bucket);
        StsException expired = credentialsFailure;
        if (expired != null) {
            return builder.down()
                    .message("uploads to oss://" + bucket + " fail: the credentials expired and cannot be refreshed ("
                            + expired.getMessage() + "); UP again after an exchange succeeds")
                    .detail("error.code", String.valueOf(expired.getErrorCode()))
                    .detail("failing.since", String.valueOf(failingSince))
                    .build();
        }
        OssException failure = authFailure;
        if (failure == null) {
            return builder.up().build();
        }
        return builder.down()
                .message("uploads to oss://" + bucket + " fail with " + failure.getErrorCode()
                        + " (credentials or permissions); UP again after an exchange succeeds")
                .detail("error.code", failure.getErrorCode())
                .detail("http.status", failure.getStatusCode())
                .detail("failing.since", String.valueOf(failingSince))
                .build();
    }
}
