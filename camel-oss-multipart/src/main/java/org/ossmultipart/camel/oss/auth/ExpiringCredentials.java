package org.ossmultipart.camel.oss.auth;

import java.time.Instant;
import java.util.Objects;
import org.ossmultipart.camel.oss.json.Json;

/** Temporary credentials and the instant they stop working. */
public record ExpiringCredentials(Credentials credentials, Instant expiration) {

    public ExpiringCredentials {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(expiration, "expiration");
    }

    /**
     * The credentials in a parsed {@code {"AccessKeyId","AccessKeySecret","SecurityToken","Expiration"}}
     * document, as the ECS metadata service and a credentials URI answer; IllegalArgumentException or
     * DateTimeParseException when a field is missing or the expiration is no time.
     */
    static ExpiringCredentials fromDocument(Object doc) {
        return new ExpiringCredentials(
                new Credentials(
                        Json.string(doc, "AccessKeyId"),
                        Json.string(doc, "AccessKeySecret"),
                        Json.string(doc, "SecurityToken")),
                Instant.parse(String.valueOf(Json.string(doc, "Expiration"))));
    }
}
