package org.ossmultipart.camel.oss.auth;

import java.time.Instant;
import java.util.Objects;

/** Temporary credentials and the instant they stop working. */
public record ExpiringCredentials(Credentials credentials, Instant expiration) {

    public ExpiringCredentials {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(expiration, "expiration");
    }
}
