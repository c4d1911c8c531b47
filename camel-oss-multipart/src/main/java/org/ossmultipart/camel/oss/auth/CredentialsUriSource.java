package org.ossmultipart.camel.oss.auth;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.ossmultipart.camel.oss.json.Json;

/**
 * Credentials from {@code ALIBABA_CLOUD_CREDENTIALS_URI} (protocol notes §11.6): a GET without
 * authentication answered with {@code {"Code":"Success","AccessKeyId",...,"Expiration"}} -- a sidecar
 * or a credentials agent. Five seconds to connect, ten to answer.
 */
final class CredentialsUriSource implements AutoCloseable {

    private final URI uri;
    private final CredentialsHttp http;

    CredentialsUriSource(URI uri) {
        this.uri = uri;
        this.http = new CredentialsHttp(Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    ExpiringCredentials fetch() {
        CredentialsHttp.Answer answer;
        try {
            answer = http.send(new HttpGet(uri));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the credentials URI " + uri + " (ALIBABA_CLOUD_CREDENTIALS_URI) did not" + " answer: " + e, e);
        }
        if (!answer.ok()) {
            throw new IllegalStateException(
                    "the credentials URI " + uri + " (ALIBABA_CLOUD_CREDENTIALS_URI) answered HTTP " + answer.status());
        }
        try {
            Object doc = Json.parse(answer.body());
            if (!"Success".equals(Json.string(doc, "Code"))) {
                throw new IllegalStateException(
                        "the credentials URI " + uri + " answered Code " + Json.string(doc, "Code"));
            }
            return ExpiringCredentials.fromDocument(doc);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalStateException(
                    "the credentials URI " + uri + " answered no usable credentials (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
