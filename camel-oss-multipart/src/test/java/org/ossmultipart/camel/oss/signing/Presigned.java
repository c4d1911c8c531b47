package org.ossmultipart.camel.oss.signing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.ossmultipart.camel.oss.auth.Credentials;

/**
 * Presigned URL query parameters, V1 and V4, built from the signers' own primitives: the component
 * presigns nothing, but the official presigning vectors pin the canonical request and the signing key.
 */
final class Presigned {

    private Presigned() {}

    /** {@code OSSAccessKeyId}, {@code Expires} (epoch seconds), {@code Signature} and, for STS, {@code security-token}. */
    static Map<String, String> v1(SignableRequest request, Credentials credentials, long expiresEpochSeconds) {
        Map<String, String> query = new LinkedHashMap<>(request.query());
        if (credentials.securityToken() != null) {
            query.put("security-token", credentials.securityToken());
        }
        SignableRequest signed =
                new SignableRequest(request.method(), request.bucket(), request.key(), query, request.headers());
        signed.setHeader("Date", Long.toString(expiresEpochSeconds)); // the expiry takes the place of the date
        String signature = Base64.getEncoder()
                .encodeToString(Hmac.sha1(
                        credentials.accessKeySecret().getBytes(StandardCharsets.UTF_8), V1Signer.stringToSign(signed)));
        query.put("OSSAccessKeyId", credentials.accessKeyId());
        query.put("Expires", Long.toString(expiresEpochSeconds));
        query.put("Signature", signature);
        return query;
    }

    /** The request's parameters plus {@code x-oss-signature-version}, credential, date, expiry, token and signature. */
    static Map<String, String> v4(
            V4Signer signer, SignableRequest request, Credentials credentials, Instant signTime, Duration expires) {
        String dateTime = V4Signer.DATE_TIME.format(signTime);
        String date = dateTime.substring(0, 8);
        String scope = date + "/" + signer.region() + "/" + signer.product() + "/aliyun_v4_request";
        TreeSet<String> additional = signer.presentAdditionalHeaders(request);
        Map<String, String> query = new LinkedHashMap<>(request.query());
        query.put("x-oss-signature-version", V4Signer.ALGORITHM);
        query.put("x-oss-credential", credentials.accessKeyId() + "/" + scope);
        query.put("x-oss-date", dateTime);
        query.put("x-oss-expires", Long.toString(expires.toSeconds()));
        if (!additional.isEmpty()) {
            query.put("x-oss-additional-headers", String.join(";", additional));
        }
        if (credentials.securityToken() != null) {
            query.put("x-oss-security-token", credentials.securityToken());
        }
        SignableRequest signed =
                new SignableRequest(request.method(), request.bucket(), request.key(), query, request.headers());
        String stringToSign = V4Signer.ALGORITHM + "\n" + dateTime + "\n" + scope + "\n"
                + HexFormat.of().formatHex(Hmac.sha256Digest(V4Signer.canonicalRequest(signed, additional)));
        query.put(
                "x-oss-signature",
                HexFormat.of()
                        .formatHex(Hmac.sha256(signer.signingKey(credentials.accessKeySecret(), date), stringToSign)));
        return query;
    }
}
