package org.ossmultipart.camel.oss.signing;

import java.time.Instant;
import org.ossmultipart.camel.oss.auth.Credentials;

/** Adds the date, token and {@code Authorization} headers to a request. */
public interface RequestSigner {

    void sign(SignableRequest request, Credentials credentials, Instant time);

    static RequestSigner of(SignatureVersion version, String region) {
        return version == SignatureVersion.V1 ? new V1Signer() : new V4Signer(region);
    }
}
