package org.ossmultipart.camel.oss.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules the request settings are checked against before any request, one by one. */
class RequestSettingsRulesTest {

    @Test
    void tagsAreUrlEncodedAsRfc3986Says() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("path", "a/b c");
        tags.put("city", "東京");
        tags.put("flag", "");
        assertThat(ObjectTags.of("tags", tags).header()).isEqualTo("path=a%2Fb%20c&city=%E6%9D%B1%E4%BA%AC&flag=");
        assertThat(ObjectTags.parse("tagging", "path=a%2Fb%20c&city=%E6%9D%B1%E4%BA%AC&flag")
                        .asMap())
                .isEqualTo(tags);
        assertThat(ObjectTags.parse("tagging", "a+b=c").asMap()).containsEntry("a+b", "c");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a=b=c|has two '='",
                "k=v&k=w|appears twice",
                "a&&b|an empty tag",
                "=v|1 to 128 characters",
                "k=%E6%9D|does not decode to UTF-8",
                "k=%E|incomplete %-escape",
                "k=%FF|does not decode to UTF-8",
                "k=a;b|holds ';'"
            })
    void badTagSetsAreRefusedQuotingThem(String written, String why) {
        assertThatThrownBy(() -> ObjectTags.parse("tagging", written))
                .hasMessageContaining(why)
                .hasMessageContaining("was '" + written + "'");
    }

    @Test
    void tagLimitsAreOss() {
        Map<String, String> eleven = new LinkedHashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("k" + i, "v");
        }
        assertThatThrownBy(() -> ObjectTags.of("tags", eleven)).hasMessageContaining("11 tags: OSS keeps at most 10");
        assertThat(ObjectTags.of("tags", Map.of("k".repeat(128), "v".repeat(256))))
                .isNotNull();
        assertThatThrownBy(() -> ObjectTags.of("tags", Map.of("k".repeat(129), "v")))
                .hasMessageContaining("1 to 128");
        assertThatThrownBy(() -> ObjectTags.of("tags", Map.of("k", "v".repeat(257))))
                .hasMessageContaining("257 characters, at most 256");
    }

    @ParameterizedTest
    @CsvSource({
        "800KiB/s, 6553600",
        "100KiB/s, 819200",
        "100MiB/s, 838860800",
        "10 MiB/s, 83886080",
        "819200, 819200",
        "'', 0"
    })
    void trafficLimitsReadAsRatesOrBits(String written, long bits) {
        assertThat(TrafficLimit.parse("trafficLimit", written)).isEqualTo(bits);
    }

    @ParameterizedTest
    @CsvSource({"99KiB/s", "101MiB/s", "819199", "838860801", "10MiB", "fast", "-1"})
    void trafficLimitsOutsideOssRangeOrNoRateAreRefused(String written) {
        assertThatThrownBy(() -> TrafficLimit.parse("trafficLimit", written))
                .hasMessageContaining("was '" + written + "'");
    }

    @Test
    void headerValuesArePrintableAsciiOrEncodedWhereAStandardSaysHow() {
        assertThat(HeaderValues.ascii("v", "max-age=1, no-transform")).isEqualTo("max-age=1, no-transform");
        assertThatThrownBy(() -> HeaderValues.ascii("the user metadata entry 'n'", "a\nb"))
                .hasMessageContaining("the user metadata entry 'n' holds a line feed (LF) at position 2");
        assertThatThrownBy(() -> HeaderValues.ascii("v", "Zürich")).hasMessageContaining("'ü' (U+00FC)");
        assertThat(HeaderValues.contentDisposition("cd", "attachment; filename=\"東京.pdf\"; size=3"))
                .isEqualTo("attachment; filename=\"__.pdf\"; filename*=UTF-8''%E6%9D%B1%E4%BA%AC.pdf; size=3");
        assertThat(HeaderValues.contentDisposition("cd", "attachment; filename=naïve.txt"))
                .isEqualTo("attachment; filename=\"na_ve.txt\"; filename*=UTF-8''na%C3%AFve.txt");
        assertThatThrownBy(() -> HeaderValues.contentDisposition("cd", "inline; note=東京"))
                .hasMessageContaining("'東' (U+6771)");
    }

    @Test
    void theCallbackIsTheJsonOssTakesBase64Encoded() {
        UploadCallback cb = UploadCallback.of(
                "option",
                "https://a.example.com/cb;http://b.example.com/cb",
                "k=${x:k}",
                "application/json",
                "h",
                true);
        assertThat(new String(Base64.getDecoder().decode(cb.header()), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"callbackUrl\":\"https://a.example.com/cb;http://b.example.com/cb\",\"callbackHost\":\"h\","
                                + "\"callbackBody\":\"k=${x:k}\",\"callbackBodyType\":\"application/json\",\"callbackSNI\":true}");
        assertThat(UploadCallback.of("option", "http://a.example.com", null, null, null, null)
                        .json())
                .contains(UploadCallback.DEFAULT_BODY);
        String vars = UploadCallback.variablesHeader("vars", Map.of("uid", "東京\"1"));
        assertThat(new String(Base64.getDecoder().decode(vars), StandardCharsets.UTF_8))
                .isEqualTo("{\"x:uid\":\"東京\\\"1\"}");
        assertThatThrownBy(() -> UploadCallback.variablesHeader("vars", Map.of("UID", "1")))
                .hasMessageContaining("lower case");
        assertThatThrownBy(() -> UploadCallback.of("option", "a;b;c;d;e;f", null, null, null, null))
                .hasMessageContaining("6 URLs");
        assertThatThrownBy(() -> UploadCallback.ofJson("header CamelOssCallback", "{\"callbackUrl\":"))
                .hasMessageContaining("JSON object");
    }

    @Test
    void userMetadataFollowsOssRules() {
        assertThat(ObjectOptions.builder()
                        .userMetadata(Map.of("Dept-Code", "A1"))
                        .build()
                        .userMetadata())
                .containsEntry("dept-code", "A1");
        assertThatThrownBy(() -> ObjectOptions.builder().userMetadata(Map.of("a_b", "v")))
                .hasMessageContaining("'a_b'");
        assertThat(ObjectOptions.builder()
                        .userMetadata(Map.of("n", "v".repeat(8191)))
                        .build()
                        .userMetadata())
                .hasSize(1);
        assertThatThrownBy(() -> ObjectOptions.builder().userMetadata(Map.of("n", "v".repeat(8192))))
                .hasMessageContaining("8193 bytes");
        assertThatThrownBy(() -> ObjectOptions.builder().expires("tomorrow")).hasMessageContaining("'tomorrow'");
    }
}
