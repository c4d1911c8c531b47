package org.ossmultipart.camel;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Options written on an endpoint URI that the side using it ignores: a janitor option on a producer
 * ({@code to}) endpoint, an upload option on a consumer ({@code from}). Which side an option belongs to
 * comes from the component's own catalog (its {@code @UriParam} labels), so no list here can drift.
 */
final class MisplacedOptions {

    private static final Logger LOG = LoggerFactory.getLogger(OssMultipartEndpoint.class);
    private static final String CATALOG = "/META-INF/org/ossmultipart/camel/oss-multipart.json";
    /** Labelled consumer, but also read by the listMultipartUploads operation. */
    private static final Set<String> BOTH_SIDES = Set.of("prefix");

    private static volatile Map<String, String> groups;

    private MisplacedOptions() {}

    /** Warns once for the options of the URI that only a consumer reads. */
    static void warnOnProducer(String endpointUri, String bucket) {
        warn(bucket, written(endpointUri, "consumer", "scheduler"), "the janitor (from)", "a producer (to) endpoint");
    }

    /** Warns once for the options of the URI that only a producer reads. */
    static void warnOnConsumer(String endpointUri, String bucket) {
        warn(bucket, written(endpointUri, "producer"), "uploads (to)", "the janitor (from)");
    }

    private static void warn(String bucket, Set<String> misplaced, String belongsTo, String ignoredBy) {
        if (!misplaced.isEmpty()) {
            boolean one = misplaced.size() == 1;
            LOG.warn(
                    "oss-multipart:{}: {} {} for {} and {} nothing on {}",
                    bucket,
                    misplaced,
                    one ? "is an option" : "are options",
                    belongsTo,
                    one ? "does" : "do",
                    ignoredBy);
        }
    }

    /** The URI's options whose catalog group starts with one of {@code sides}. */
    private static Set<String> written(String endpointUri, String... sides) {
        Set<String> out = new TreeSet<>();
        try {
            Map<String, Object> query = URISupport.parseQuery(URISupport.extractQuery(endpointUri));
            for (String name : query.keySet()) {
                String group = groups().get(name);
                if (group == null || BOTH_SIDES.contains(name)) {
                    continue;
                }
                for (String side : sides) {
                    if (group.startsWith(side)) {
                        out.add(name);
                    }
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            LOG.debug("Could not check the options of {}", URISupport.sanitizeUri(endpointUri), e);
        }
        return out;
    }

    private static Map<String, String> groups() {
        Map<String, String> g = groups;
        if (g == null) {
            g = new HashMap<>();
            try (InputStream in = MisplacedOptions.class.getResourceAsStream(CATALOG)) {
                if (in != null) {
                    JsonObject catalog =
                            (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    JsonObject properties = (JsonObject) catalog.get("properties");
                    Map<String, String> found = g;
                    properties.forEach((name, value) -> {
                        Object group = ((JsonObject) value).get("group");
                        if (group != null) {
                            found.put(name, group.toString());
                        }
                    });
                }
            } catch (Exception e) { // unreadable: no warnings, nothing else changes
                LOG.debug("Could not read the catalog {}", CATALOG, e);
            }
            groups = g;
        }
        return g;
    }
}
