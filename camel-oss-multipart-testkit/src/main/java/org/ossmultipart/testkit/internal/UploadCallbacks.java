package org.ossmultipart.testkit.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The upload callback as OSS makes it (notes §12.3): after the object is stored, POST the callback
 * body, variables substituted, to each callbackUrl in turn until one answers 200 within 5 s; relay
 * that answer, or 203 CallbackFailed. OSS does not retry. Not done here: the RSA signature OSS puts
 * on the callback request (the local server has no Alibaba key to sign with).
 */
public final class UploadCallbacks {

    /** OSS waits this long for the application server. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** What OSS answers the client: 200 with the application's body, or 203 with the failure. */
    public record Answer(int status, String contentType, byte[] body, String failure) {}

    /** The facts a callback body may name; {@code null}s become empty. */
    public record Facts(
            String bucket,
            String object,
            String etag,
            long size,
            String mimeType,
            long crc64,
            String requestId,
            String operation,
            String clientIp) {}

    /**
     * The callback of the request's {@code x-oss-callback} (Base64 JSON) and {@code x-oss-callback-var}
     * headers, checked before the object is written: an OSS error when they are malformed.
     */
    public static Map<String, String> parse(String callbackHeader) {
        Map<String, String> cb = json(callbackHeader, "x-oss-callback");
        String urls = cb.get("callbackUrl");
        if (urls == null || urls.isBlank() || cb.get("callbackBody") == null) {
            throw OssServiceError.invalidArgument(
                    "The callback configuration is not valid: callbackUrl and callbackBody are required.",
                    "callback",
                    callbackHeader);
        }
        for (String u : urls.split(";")) {
            String lower = u.trim().toLowerCase(Locale.ROOT);
            if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
                throw OssServiceError.invalidArgument("The callbackUrl is invalid.", "callbackUrl", u);
            }
        }
        return cb;
    }

    /** The custom variables: keys must be {@code x:} and lower case, as OSS requires. */
    public static Map<String, String> variables(String header) {
        if (header == null) {
            return Map.of();
        }
        Map<String, String> vars = json(header, "x-oss-callback-var");
        vars.keySet().forEach(k -> {
            if (!k.startsWith("x:") || !k.equals(k.toLowerCase(Locale.ROOT))) {
                throw OssServiceError.invalidArgument(
                        "The callback variable " + k + " must start with x: and be lower case.", "callback-var", k);
            }
        });
        return vars;
    }

    private static Map<String, String> json(String header, String name) {
        try {
            return FlatJson.parse(new String(Base64.getDecoder().decode(header.trim()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw OssServiceError.invalidArgument(
                    "The " + name + " header is not Base64 of a JSON object: " + e.getMessage(), name, header);
        }
    }

    /** Calls the application server once per URL until one succeeds. */
    public Answer call(Map<String, String> callback, Map<String, String> vars, Facts facts) {
        boolean json = "application/json".equals(callback.get("callbackBodyType"));
        String body = substitute(callback.get("callbackBody"), vars, facts, json);
        String failure = "no callbackUrl";
        for (String url : callback.get("callbackUrl").split(";")) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.trim()))
                        .timeout(TIMEOUT)
                        .header("Content-Type", json ? "application/json" : "application/x-www-form-urlencoded")
                        .header("User-Agent", "aliyun-oss-callback")
                        .header("x-oss-bucket", facts.bucket())
                        .header("x-oss-request-id", facts.requestId())
                        .header("x-oss-tag", "CALLBACK")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200) {
                    String type = response.headers().firstValue("Content-Type").orElse("application/json");
                    return new Answer(200, type, response.body(), null);
                }
                failure = "Error status : " + response.statusCode() + ".";
            } catch (HttpTimeoutException e) {
                failure = "Cost too long time.";
            } catch (IOException | IllegalArgumentException e) {
                failure = "Error status : -1 (" + e.getClass().getSimpleName() + ").";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "Interrupted.";
                break;
            }
        }
        return new Answer(203, null, null, failure);
    }

    /**
     * The body with {@code ${name}} replaced: URL-encoded in a form body; in a JSON one as JSON values
     * (strings quoted, the size a number), as OSS's example {@code {"mimeType":${mimeType},"size":${size}}}
     * has them unquoted in the template.
     */
    static String substitute(String template, Map<String, String> vars, Facts f, boolean json) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = switch (name) {
                case "bucket" -> f.bucket();
                case "object" -> f.object();
                case "etag" -> f.etag();
                case "size" -> Long.toString(f.size());
                case "mimeType" -> f.mimeType() == null ? "" : f.mimeType();
                case "crc64" -> Long.toUnsignedString(f.crc64());
                case "reqId" -> f.requestId();
                case "operation" -> f.operation();
                case "clientIp" -> f.clientIp();
                default -> vars.getOrDefault(name, "");
            };
            String written = json
                    ? name.equals("size") ? value : FlatJson.quote(value)
                    : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            m.appendReplacement(sb, Matcher.quoteReplacement(written));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
