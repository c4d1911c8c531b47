package org.ossmultipart.camel.oss.checksum;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** MD5 helpers for {@code Content-MD5} (base64 of the 16 raw bytes) and part ETags (upper-case hex). */
public final class Md5 {

    private Md5() {}

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JDK", e);
        }
    }

    public static byte[] digest(byte[] data, int off, int len) {
        MessageDigest md = newDigest();
        md.update(data, off, len);
        return md.digest();
    }

    /** The {@code Content-MD5} header value. */
    public static String contentMd5(byte[] md5) {
        return Base64.getEncoder().encodeToString(md5);
    }

    /** Upper-case hex, as OSS writes a part's ETag. */
    public static String hex(byte[] md5) {
        return HexFormat.of().withUpperCase().formatHex(md5);
    }
}
