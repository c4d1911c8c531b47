package org.ossmultipart.camel.oss.auth;

/**
 * Supplies credentials for each request. The client asks before signing every attempt, so a
 * provider that rotates STS credentials is picked up between parts and between retries.
 */
@FunctionalInterface
public interface CredentialsProvider {

    Credentials credentials();

    static CredentialsProvider of(Credentials credentials) {
        return new StaticCredentialsProvider(credentials);
    }
}
