package org.ossmultipart.camel.oss.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The RPC signature (STS AssumeRole) pinned to the vectors of the protocol notes, §11.3. */
class RpcSignatureTest {

    @Test
    void percentEncodingIsRfc3986() {
        assertThat(RpcSignature.percentEncode("123abc!@#$%^&*()-=_+ ~|\\/"))
                .isEqualTo("123abc%21%40%23%24%25%5E%26%2A%28%29-%3D_%2B%20~%7C%5C%2F");
    }

    @Test
    void theAssumeRoleVector() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccessKeyId", "testid");
        p.put("Action", "AssumeRole");
        p.put("Format", "JSON");
        p.put("RoleArn", "acs:ram::1234567890123:role/firstrole");
        p.put("RoleSessionName", "client");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", "571f8fb8-506e-11e5-8e12-b8e8563dc8d2");
        p.put("SignatureVersion", "1.0");
        p.put("Timestamp", "2015-09-01T05:57:34Z");
        p.put("Version", "2015-04-01");
        assertThat(RpcSignature.stringToSign("GET", p))
                .isEqualTo(
                        "GET&%2F&AccessKeyId%3Dtestid%26Action%3DAssumeRole%26Format%3DJSON%26RoleArn%3Dacs%253Aram%253A"
                                + "%253A1234567890123%253Arole%252Ffirstrole%26RoleSessionName%3Dclient%26SignatureMethod%3DHMAC-SHA1"
                                + "%26SignatureNonce%3D571f8fb8-506e-11e5-8e12-b8e8563dc8d2%26SignatureVersion%3D1.0%26Timestamp"
                                + "%3D2015-09-01T05%253A57%253A34Z%26Version%3D2015-04-01");
        assertThat(RpcSignature.sign("GET", p, "testsecret")).isEqualTo("gNI7b0AyKZHxDgjBGPDgJ1Ce3L4=");
    }

    @Test
    void theVectorWithTokenPolicyAndExternalId() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccessKeyId", "STS.testid");
        p.put("Action", "AssumeRole");
        p.put("DurationSeconds", "3600");
        p.put("ExternalId", "abcd1234");
        p.put("Format", "JSON");
        p.put(
                "Policy",
                "{\"Statement\":[{\"Action\":[\"oss:*\"],\"Effect\":\"Allow\",\"Resource\":[\"*\"]}],\"Version\":\"1\"}");
        p.put("RoleArn", "acs:ram::1234567890123:role/firstrole");
        p.put("RoleSessionName", "credentials-java-1700000000000");
        p.put("SecurityToken", "tok+en/with=chars");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", "0123456789abcdef0123456789abcdef");
        p.put("SignatureVersion", "1.0");
        p.put("Timestamp", "2024-01-02T03:04:05Z");
        p.put("Version", "2015-04-01");
        p.put("Signature", "ignored: never part of what is signed");
        assertThat(RpcSignature.sign("GET", p, "testsecret")).isEqualTo("TZshD3RSiyTdTvZo/ZsfkD5OvBI=");
    }
}
