package org.ossmultipart.camel.oss.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.ossmultipart.camel.oss.OssException;
import org.ossmultipart.camel.oss.xml.ErrorXml;
import org.ossmultipart.camel.oss.xml.OssXml;

/**
 * The one place that turns an error answer into an {@link OssException}: the Error XML body, else
 * the base64 {@code x-oss-err} header (HEAD answers have no body), else a code derived from the
 * HTTP status.
 */
public final class ErrorMapper {

    /** Answer headers that say when to try again; kept in the exception's details under their names. */
    private static final String[] RETRY_HINTS = {"x-oss-qos-delay-time", "Retry-After"};

    private ErrorMapper() {}

    public static OssException map(String operation, ClassicHttpResponse response, byte[] body) {
        int status = response.getCode();
        ErrorXml error = parse(body);
        if (error == null) {
            String encoded = header(response, "x-oss-err");
            if (encoded != null) {
                try {
                    error = parse(Base64.getDecoder().decode(encoded.trim()));
                } catch (IllegalArgumentException ignored) {
                    // not base64: fall back to the status
                }
            }
        }
        String requestId = header(response, "x-oss-request-id");
        String ec = header(response, "x-oss-ec");
        Map<String, String> details = new LinkedHashMap<>();
        for (String hint : RETRY_HINTS) {
            String value =
                    header(response, hint); // how long a throttled client should wait (the retry policy reads it)
            if (value != null) {
                details.put(hint, value);
            }
        }
        if (error == null || error.code == null) {
            String snippet = body == null || body.length == 0
                    ? null
                    : new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
            return new OssException(
                    operation, status, codeForStatus(status), snippet, requestId, null, ec, details, null);
        }
        OssXml.leaves(error.others).forEach((name, value) -> details.put(name, redact(name, value)));
        String errorEc = error.ec != null ? error.ec : ec;
        String hint = hint(error.code, errorEc);
        return new OssException(
                operation,
                status,
                error.code,
                hint == null ? error.message : error.message + " (" + hint + ")",
                error.requestId != null ? error.requestId : requestId,
                error.hostId,
                errorEc,
                details,
                null);
    }

    /** What a user can do about the errors that a setting of the component answers. */
    static String hint(String code, String ec) {
        if ("0003-00000703".equals(ec)) {
            return "the bucket is requester-pays and the key is another account's: set requestPayer=requester";
        }
        if ("PublicEndpointForbidden".equals(code) || "0048-00000401".equals(ec)) {
            return "this account cannot use the default public endpoint for this bucket: use endpointType=internal"
                    + " from the region's VPC, or the bucket's custom domain as endpoint with cname=true";
        }
        return null;
    }

    private static ErrorXml parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return OssXml.read(body, ErrorXml.class);
        } catch (OssXml.XmlException e) {
            return null;
        }
    }

    /** What the SDKs report when an error answer carries no error document. */
    static String codeForStatus(int status) {
        return switch (status) {
            case 304 -> "NotModified";
            case 403 -> "AccessForbidden";
            case 404 -> "NoSuchKey";
            case 412 -> "PreconditionFailed";
            case 416 -> "InvalidRange";
            default -> status >= 500 ? "InternalError" : "BadErrorResponse";
        };
    }

    /** The string-to-sign echoed by SignatureDoesNotMatch contains the STS token: never keep it. */
    private static String redact(String name, String value) {
        if (value == null
                || !(name.equals("StringToSign") || name.equals("CanonicalRequest") || name.equals("SecurityToken"))) {
            return value;
        }
        if (name.equals("SecurityToken")) {
            return "******";
        }
        return value.replaceAll("(?m)^(x-oss-security-token:).*$", "$1******");
    }

    static String header(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }
}
