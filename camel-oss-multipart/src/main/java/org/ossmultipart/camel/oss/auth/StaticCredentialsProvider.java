package org.ossmultipart.camel.oss.auth;

import java.util.Objects;

/** Always the same credentials. */
public final class StaticCredentialsProvider implements CredentialsProvider {

    private final Credentials credentials;

    public StaticCredentialsProvider(Credentials credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public String toString() {
        return "StaticCredentialsProvider[" + credentials + "]";
    }
}
