package org.ossmultipart.camel.oss.auth;

import java.util.Objects;

/**
 * An access key pair, plus the STS security token for temporary credentials. {@link #toString()}
 * never shows the secret or the token.
 */
public final class Credentials {

    private final String accessKeyId;
    private final String accessKeySecret;
    private final String securityToken;

    public Credentials(String accessKeyId, String accessKeySecret, String securityToken) {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new IllegalArgumentException("accessKeyId must not be empty");
        }
        if (accessKeySecret == null || accessKeySecret.isEmpty()) {
            throw new IllegalArgumentException("accessKeySecret must not be empty");
        }
        this.accessKeyId = accessKeyId;
        this.accessKeySecret = accessKeySecret;
        this.securityToken = securityToken == null || securityToken.isEmpty() ? null : securityToken;
    }

    public Credentials(String accessKeyId, String accessKeySecret) {
        this(accessKeyId, accessKeySecret, null);
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public String accessKeySecret() {
        return accessKeySecret;
    }

    /** The STS token, or {@code null} for long-term keys. */
    public String securityToken() {
        return securityToken;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c
                && accessKeyId.equals(c.accessKeyId)
                && accessKeySecret.equals(c.accessKeySecret)
                && Objects.equals(securityToken, c.securityToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKeyId, accessKeySecret, securityToken);
    }

    @Override
    public String toString() {
        return "Credentials[accessKeyId=" + accessKeyId + ", accessKeySecret=******"
                + (securityToken != null ? ", securityToken=******" : "") + "]";
    }
}
