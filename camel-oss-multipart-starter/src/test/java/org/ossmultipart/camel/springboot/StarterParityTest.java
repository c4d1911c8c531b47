package org.ossmultipart.camel.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.camel.util.TimeUtils;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ossmultipart.camel.OssMultipartConfiguration;
import org.ossmultipart.camel.units.ByteSize;
import org.ossmultipart.camel.units.Durations;

/**
 * The hand-written starter configuration against the component's own catalog (generated from its
 * {@code @UriParam}s): the same options, IDE metadata for each, the same defaults. An option added to
 * the component and forgotten here, or a default that drifts, fails the build.
 */
class StarterParityTest {

    static final String PREFIX = "camel.component.oss-multipart.";

    /** Catalog options the starter has no field for, by design: the nested configuration bean itself. */
    static final Set<String> NOT_PROPERTIES = Set.of("configuration");
    /** Starter fields that are not component options: the starter's on/off switch. */
    static final Set<String> STARTER_ONLY = Set.of("enabled");

    static Map<String, JsonObject> options;
    static Map<String, JsonObject> metadata;

    @BeforeAll
    static void read() throws Exception {
        JsonObject catalog = json("/META-INF/org/ossmultipart/camel/oss-multipart.json");
        JsonObject props = (JsonObject) catalog.get("componentProperties");
        options = new TreeMap<>();
        props.forEach((name, value) -> {
            if (!NOT_PROPERTIES.contains(name)) {
                options.put(name, (JsonObject) value);
            }
        });
        metadata = new TreeMap<>();
        for (Object o :
                (JsonArray) json("/META-INF/spring-configuration-metadata.json").get("properties")) {
            JsonObject p = (JsonObject) o;
            metadata.put(p.getString("name"), p);
        }
    }

    static JsonObject json(String resource) throws Exception {
        try (InputStream in = StarterParityTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static Map<String, Field> starterFields() {
        return Arrays.stream(OssMultipartComponentConfiguration.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !STARTER_ONLY.contains(f.getName()))
                .collect(Collectors.toMap(Field::getName, f -> f, (a, b) -> a, TreeMap::new));
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Durations of long options as the starter holds them: milliseconds ({@code 10s} is {@code 10000}). */
    static String normalised(JsonObject option, String catalogDefault) {
        boolean longOption =
                "long".equals(option.getString("javaType")) || "java.lang.Long".equals(option.getString("javaType"));
        return longOption && !catalogDefault.matches("\\d+")
                ? Long.toString(TimeUtils.toMilliSeconds(catalogDefault))
                : catalogDefault;
    }

    @Test
    void theStarterHasExactlyTheComponentsOptions() {
        assertThat(new TreeSet<>(starterFields().keySet())).isEqualTo(new TreeSet<>(options.keySet()));
        assertThat(options).hasSizeGreaterThan(30); // the catalog was really read
    }

    @Test
    void everyOptionHasIdeMetadataWithADescription() {
        options.keySet().forEach(option -> {
            JsonObject p = metadata.get(PREFIX + kebab(option));
            assertThat(p).as("metadata of %s", PREFIX + kebab(option)).isNotNull();
            assertThat(p.getString("description"))
                    .as("description of %s", option)
                    .isNotBlank();
        });
    }

    @Test
    void theDefaultsAreTheComponents() throws Exception {
        OssMultipartComponentConfiguration starter = new OssMultipartComponentConfiguration();
        OssMultipartConfiguration component = new OssMultipartConfiguration();
        Map<String, Field> fields = starterFields();
        int compared = 0;
        for (Map.Entry<String, JsonObject> option : options.entrySet()) {
            Field field = fields.get(option.getKey());
            field.setAccessible(true);
            Object starterDefault = field.get(starter);
            Object componentDefault;
            if (component.getClass().getName().equals(option.getValue().getString("configurationClass"))) {
                // the component's own default, as it runs (the catalog says false for an unset Boolean)
                componentDefault = getter(component, option.getKey());
                compared++;
            } else {
                // Camel's common component options: the catalog is their only record
                componentDefault = option.getValue().get("defaultValue") == null
                        ? null
                        : normalised(
                                option.getValue(),
                                String.valueOf(option.getValue().get("defaultValue")));
            }
            if (starterDefault instanceof String text && componentDefault instanceof Number) {
                starterDefault = ByteSize.parse(option.getKey(), text); // a size option, written as people do
            }
            if (starterDefault instanceof String text && componentDefault instanceof Duration) {
                starterDefault = Durations.parse(option.getKey(), text); // a duration option, written as people do
            }
            assertThat(starterDefault == null ? null : String.valueOf(starterDefault))
                    .as("default of %s", option.getKey())
                    .isEqualTo(componentDefault == null ? null : String.valueOf(componentDefault));
        }
        assertThat(compared).isGreaterThan(25);
    }

    static Object getter(Object bean, String property) throws Exception {
        String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String prefix : new String[] {"get", "is"}) {
            try {
                return bean.getClass().getMethod(prefix + suffix).invoke(bean);
            } catch (NoSuchMethodException e) {
                // try the other prefix
            }
        }
        throw new AssertionError(
                "no getter for " + property + " on " + bean.getClass().getSimpleName());
    }
}
