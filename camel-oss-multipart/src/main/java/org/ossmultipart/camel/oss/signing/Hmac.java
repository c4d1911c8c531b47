package org.ossmultipart.camel.oss.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The JDK's HMAC and SHA-256, without checked exceptions. */
final class Hmac {

    private Hmac() {}

    static byte[] sha1(byte[] key, String data) {
        return mac("HmacSHA1", key, data);
    }

    static byte[] sha256(byte[] key, String data) {
        return mac("HmacSHA256", key, data);
    }

    static byte[] sha256Digest(String data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static byte[] mac(String algorithm, byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is required of every JDK", e);
        }
    }
}
