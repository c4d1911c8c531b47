package org.ossmultipart.camel.oss.signing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The signature of Alibaba Cloud's RPC APIs (STS AssumeRole), version 1.0, HMAC-SHA1: the parameters
 * sorted by name, each percent-encoded (RFC 3986, uppercase hex), joined as a query; the string to sign
 * is {@code METHOD&%2F&percentEncode(query)}; the key is the secret plus {@code &}. Pinned to the
 * vectors of the protocol notes (§11.3).
 */
public final class RpcSignature {

    private RpcSignature() {}

    /** The signature of {@code parameters} (without {@code Signature}) for {@code method} with {@code secret}. */
    public static String sign(String method, Map<String, String> parameters, String secret) {
        return Base64.getEncoder()
                .encodeToString(
                        Hmac.sha1((secret + "&").getBytes(StandardCharsets.UTF_8), stringToSign(method, parameters)));
    }

    /** {@code METHOD&%2F&percentEncode(canonical query)}. */
    public static String stringToSign(String method, Map<String, String> parameters) {
        return method + "&" + percentEncode("/") + "&" + percentEncode(canonicalQuery(parameters));
    }

    /** The parameters but {@code Signature}, sorted by name, as {@code k=v&...}, each side percent-encoded. */
    public static String canonicalQuery(Map<String, String> parameters) {
        return new TreeMap<>(parameters)
                .entrySet().stream()
                        .filter(e -> !"Signature".equals(e.getKey()))
                        .map(e -> percentEncode(e.getKey()) + "=" + percentEncode(e.getValue()))
                        .collect(Collectors.joining("&"));
    }

    /** RFC 3986: only {@code A-Z a-z 0-9 - _ . ~} stay as they are; UTF-8; uppercase hex. */
    public static String percentEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }
}
