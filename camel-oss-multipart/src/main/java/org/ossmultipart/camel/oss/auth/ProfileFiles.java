package org.ossmultipart.camel.oss.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ossmultipart.camel.oss.json.Json;

/**
 * The two profile files of a developer's machine (protocol notes §11.5): the CLI's
 * {@code ~/.aliyun/config.json} and the SDKs' {@code ~/.alibabacloud/credentials.ini}. A profile gives
 * long-term keys, an STS token, a role to assume with keys (or with another profile), or an RRSA-style
 * OIDC role. A file that is not there does not apply; a file that is there but wrong -- not JSON, the
 * named profile missing, a mode this version does not know -- is an error that names the file and what
 * is wrong, never a value.
 */
final class ProfileFiles {

    static final String PROFILE = "ALIBABA_CLOUD_PROFILE";
    static final String CLI_PROFILE_DISABLED = "ALIBABA_CLOUD_CLI_PROFILE_DISABLED";
    static final String CREDENTIALS_FILE = "ALIBABA_CLOUD_CREDENTIALS_FILE";

    private ProfileFiles() {}

    /** What the CLI's config.json gives, or null (with the reason added to {@code tried}). */
    static CredentialsChain.Found cli(
            CredentialsChain.Settings settings, Function<String, String> env, Clock clock, List<String> tried) {
        Path file = settings.home().resolve(".aliyun").resolve("config.json");
        if ("true".equalsIgnoreCase(trim(env.apply(CLI_PROFILE_DISABLED)))) {
            tried.add(file + ": " + CLI_PROFILE_DISABLED + "=true");
            return null;
        }
        if (!Files.isRegularFile(file)) {
            tried.add(file + ": no such file");
            return null;
        }
        Object doc;
        try {
            doc = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("the Aliyun CLI profile file " + file + " cannot be read: " + e, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "the Aliyun CLI profile file " + file + " is not valid JSON: " + e.getMessage());
        }
        Map<String, Map<String, Object>> profiles = new LinkedHashMap<>();
        if (doc instanceof Map<?, ?> root && root.get("profiles") instanceof List<?> list) {
            for (Object p : list) {
                if (p instanceof Map<?, ?> m && Json.string(m, "name") != null) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> profile = (Map<String, Object>) m;
                    profiles.put(Json.string(m, "name"), profile);
                }
            }
        }
        String name = firstSet(settings.credentialsProfile(), env.apply(PROFILE), Json.string(doc, "current"));
        if (name == null) {
            throw new IllegalArgumentException("the Aliyun CLI profile file " + file
                    + " names no current profile: set credentialsProfile (or " + PROFILE + ")");
        }
        return cliProfile(file, profiles, name, settings, clock, new ArrayList<>());
    }

    private static CredentialsChain.Found cliProfile(
            Path file,
            Map<String, Map<String, Object>> profiles,
            String name,
            CredentialsChain.Settings settings,
            Clock clock,
            List<String> chain) {
        Map<String, Object> p = profiles.get(name);
        if (p == null) {
            throw new IllegalArgumentException("profile '" + name + "' is not in the Aliyun CLI profile file " + file
                    + " (it has: " + String.join(", ", profiles.keySet()) + ")");
        }
        if (chain.contains(name)) {
            throw new IllegalArgumentException("profile '" + name + "' of " + file + " is its own source ("
                    + String.join(" -> ", chain) + " -> " + name + ")");
        }
        chain.add(name);
        String mode = String.valueOf(Json.string(p, "mode"));
        String where = "profile '" + name + "' (" + mode + ") of " + file;
        switch (mode) {
            case "AK", "StsToken" -> {
                return new CredentialsChain.Found(
                        CredentialsProvider.of(new Credentials(
                                required(p, "access_key_id", where),
                                required(p, "access_key_secret", where),
                                "StsToken".equals(mode) ? required(p, "sts_token", where) : null)),
                        where,
                        null);
            }
            case "RamRoleArn", "ChainableRamRoleArn" -> {
                CredentialsChain.Found source = "RamRoleArn".equals(mode)
                        ? new CredentialsChain.Found(
                                CredentialsProvider.of(new Credentials(
                                        required(p, "access_key_id", where), required(p, "access_key_secret", where))),
                                "its keys",
                                null)
                        : cliProfile(file, profiles, required(p, "source_profile", where), settings, clock, chain);
                return CredentialsChain.assumeRole(
                        source,
                        required(p, "ram_role_arn", where),
                        firstSet(Json.string(p, "ram_session_name"), settings.roleSessionName()),
                        seconds(Json.string(p, "expired_seconds"), settings.roleSessionDuration()),
                        Json.string(p, "external_id"),
                        stsFor(settings, Json.string(p, "sts_region"), "true".equals(Json.string(p, "enable_vpc"))),
                        clock,
                        where);
            }
            case "OIDC" -> {
                return CredentialsChain.oidc(
                        required(p, "ram_role_arn", where),
                        required(p, "oidc_provider_arn", where),
                        Path.of(required(p, "oidc_token_file", where)),
                        firstSet(Json.string(p, "ram_session_name"), settings.roleSessionName()),
                        settings.roleSessionDuration(),
                        stsFor(settings, Json.string(p, "sts_region"), "true".equals(Json.string(p, "enable_vpc"))),
                        clock,
                        where);
            }
            default ->
                throw new IllegalArgumentException(where
                        + ": this version reads the modes AK, StsToken, RamRoleArn, ChainableRamRoleArn and OIDC");
        }
    }

    /** What the SDKs' credentials.ini gives, or null (with the reason added to {@code tried}). */
    static CredentialsChain.Found ini(
            CredentialsChain.Settings settings, Function<String, String> env, Clock clock, List<String> tried) {
        String named = env.apply(CREDENTIALS_FILE);
        if (named != null && named.isBlank()) {
            throw new IllegalArgumentException(CREDENTIALS_FILE + " is set but empty: name the credentials file");
        }
        Path file = named != null
                ? Path.of(named.trim())
                : settings.home().resolve(".alibabacloud").resolve("credentials.ini");
        if (!Files.isRegularFile(file)) {
            if (named != null) {
                throw new IllegalArgumentException(
                        "the credentials file " + file + " (" + CREDENTIALS_FILE + ") does not exist");
            }
            tried.add(file + ": no such file");
            return null;
        }
        Map<String, Map<String, String>> sections;
        try {
            sections = readIni(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("the credentials file " + file + " cannot be read: " + e, e);
        }
        String name = firstSet(settings.credentialsProfile(), env.apply(PROFILE), "default");
        Map<String, String> s = sections.get(name);
        if (s == null || !"true".equalsIgnoreCase(trim(s.get("enable")))) {
            tried.add(file + ": no section [" + name + "] with enable = true");
            return null;
        }
        String where = "section [" + name + "] (" + s.get("type") + ") of " + file;
        switch (String.valueOf(s.get("type"))) {
            case "access_key" -> {
                return new CredentialsChain.Found(
                        CredentialsProvider.of(new Credentials(
                                required(s, "access_key_id", where), required(s, "access_key_secret", where))),
                        where,
                        null);
            }
            case "ram_role_arn" -> {
                CredentialsChain.Found keys = new CredentialsChain.Found(
                        CredentialsProvider.of(new Credentials(
                                required(s, "access_key_id", where), required(s, "access_key_secret", where))),
                        "its keys",
                        null);
                return CredentialsChain.assumeRole(
                        keys,
                        required(s, "role_arn", where),
                        required(s, "role_session_name", where),
                        settings.roleSessionDuration(),
                        null,
                        CredentialsChain.stsEndpoint(settings, env),
                        clock,
                        where);
            }
            case "oidc_role_arn" -> {
                return CredentialsChain.oidc(
                        required(s, "role_arn", where),
                        required(s, "oidc_provider_arn", where),
                        Path.of(required(s, "oidc_token_file_path", where)),
                        firstSet(s.get("role_session_name"), settings.roleSessionName()),
                        settings.roleSessionDuration(),
                        CredentialsChain.stsEndpoint(settings, env),
                        clock,
                        where);
            }
            default ->
                throw new IllegalArgumentException(
                        where + ": this version reads the types access_key, ram_role_arn and oidc_role_arn");
        }
    }

    /** Sections of {@code key = value} lines; {@code #} and {@code ;} start comments. */
    static Map<String, Map<String, String>> readIni(List<String> lines) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(
                        line.substring(1, line.length() - 1).strip(), k -> new LinkedHashMap<>());
            } else if (current != null && line.contains("=")) {
                int eq = line.indexOf('=');
                current.put(
                        line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return sections;
    }

    private static java.net.URI stsFor(CredentialsChain.Settings settings, String stsRegion, boolean vpc) {
        if (stsRegion == null
                || stsRegion.isBlank()
                || (settings.stsEndpoint() != null && !settings.stsEndpoint().isBlank())) {
            return CredentialsChain.stsEndpoint(settings, name -> null);
        }
        return java.net.URI.create("https://" + (vpc ? "sts-vpc." : "sts.") + stsRegion.trim() + ".aliyuncs.com");
    }

    private static Duration seconds(String text, Duration fallback) {
        try {
            return text == null || text.isBlank() || Long.parseLong(text.trim()) <= 0
                    ? fallback
                    : Duration.ofSeconds(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String required(Map<String, ?> fields, String name, String where) {
        Object v = fields.get(name);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalArgumentException(where + ": " + name + " is missing");
        }
        return v.toString();
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
