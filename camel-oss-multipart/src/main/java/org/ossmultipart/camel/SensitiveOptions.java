package org.ossmultipart.camel;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;

/**
 * Camel masks configuration values by the last segment of their key, against a fixed list of words
 * (camel-util's SensitiveUtils: "secret", "token", "accesskey" ...) plus the context's additional
 * sensitive keywords. Our secrets' names ({@code accessKeySecret}, {@code securityToken}) are not on
 * the fixed list, so Camel Main's startup summary and the dev consoles printed them. The component
 * adds them to the context's keywords itself, as soon as it joins a context: users must not have to.
 */
final class SensitiveOptions {

    /** The names Camel compares, as it normalises them: lower case, without dashes. */
    static final Set<String> KEYWORDS = Set.of("accesskeysecret", "securitytoken", "externalid");

    private SensitiveOptions() {}

    static void register(CamelContext context) {
        ExtendedCamelContext ext = context.getCamelContextExtension();
        synchronized (ext) {
            Set<String> words = new LinkedHashSet<>();
            String existing = ext.getAdditionalSensitiveKeywords();
            if (existing != null && !existing.isBlank()) {
                Arrays.stream(existing.split(","))
                        .map(String::trim)
                        .filter(w -> !w.isEmpty())
                        .forEach(words::add);
            }
            boolean changed = false;
            for (String word : KEYWORDS) {
                if (words.stream().noneMatch(w -> w.toLowerCase(Locale.ENGLISH).equals(word))) {
                    words.add(word);
                    changed = true;
                }
            }
            if (changed) {
                ext.setAdditionalSensitiveKeywords(String.join(",", words));
            }
        }
    }
}
