package org.ossmultipart.camel.oss.auth;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The default credentials chain, as the Alibaba Cloud SDKs' default provider finds credentials (design
 * §4a, protocol notes §11.1), first match wins and is kept: the OSS SDKs' variables, the Alibaba Cloud
 * SDKs' variables, then RRSA (an ACK pod's OIDC token exchanged with STS). {@code roleArn} assumes a
 * role with whatever was found. Temporary credentials are refreshed before they expire. When nothing
 * applies, the error lists every source and why it did not. Reads the environment through a function,
 * so that tests give their own.
 */
public final class CredentialsChain {

    public static final String ROLE_ARN = "ALIBABA_CLOUD_ROLE_ARN";
    public static final String OIDC_PROVIDER_ARN = "ALIBABA_CLOUD_OIDC_PROVIDER_ARN";
    public static final String OIDC_TOKEN_FILE = "ALIBABA_CLOUD_OIDC_TOKEN_FILE";
    public static final String ROLE_SESSION_NAME = "ALIBABA_CLOUD_ROLE_SESSION_NAME";
    public static final String STS_ENDPOINT = "ALIBABA_CLOUD_STS_ENDPOINT";
    public static final String STS_REGION = "ALIBABA_CLOUD_STS_REGION";
    public static final String VPC_ENDPOINT_ENABLED = "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED";
    public static final String ECS_METADATA_DISABLED = "ALIBABA_CLOUD_ECS_METADATA_DISABLED";
    public static final String ECS_METADATA_ROLE = "ALIBABA_CLOUD_ECS_METADATA";
    public static final String IMDSV1_DISABLED = "ALIBABA_CLOUD_IMDSV1_DISABLED";
    public static final String CREDENTIALS_URI = "ALIBABA_CLOUD_CREDENTIALS_URI";
    /** Where the ECS instance metadata service answers. */
    public static final String DEFAULT_ECS_METADATA_ENDPOINT = "http://100.100.100.200";

    /** What the endpoint says about roles and STS; nulls where unset. */
    public record Settings(
            String roleArn,
            String roleSessionName,
            Duration roleSessionDuration,
            String externalId,
            String stsEndpoint,
            String region,
            String credentialsProfile,
            Path home,
            String ecsMetadataEndpoint) {

        /** Without a profile name, in the user's home directory. */
        public Settings(
                String roleArn,
                String roleSessionName,
                Duration roleSessionDuration,
                String externalId,
                String stsEndpoint,
                String region) {
            this(
                    roleArn,
                    roleSessionName,
                    roleSessionDuration,
                    externalId,
                    stsEndpoint,
                    region,
                    null,
                    Path.of(System.getProperty("user.home", ".")),
                    null);
        }
    }

    /** Credentials found, and where they came from (for the start-up INFO line and consoles). */
    public record Found(CredentialsProvider provider, String source, StsClient sts) {}

    private CredentialsChain() {}

    /** The first source that applies, with {@code roleArn} on top when set. */
    public static Found find(Settings settings, Function<String, String> env, Clock clock) {
        List<String> tried = new ArrayList<>();
        Found base = firstSource(settings, env, clock, tried);
        if (base == null) {
            throw new IllegalArgumentException("No OSS credentials: set the accessKeyId and accessKeySecret options"
                    + " or a credentialsProvider, or let the default chain find them; it tried "
                    + String.join("; ", tried));
        }
        return withRole(base, settings, env, clock);
    }

    /**
     * {@code base}, or with {@code roleArn} set the role assumed with {@code base}'s credentials (asked
     * again at every refresh), as the CLI's ChainableRamRoleArn does: on top of any source.
     */
    public static Found withRole(Found base, Settings settings, Function<String, String> env, Clock clock) {
        if (blank(settings.roleArn())) {
            return base;
        }
        return assumeRole(
                base,
                settings.roleArn(),
                sessionName(settings, env),
                settings.roleSessionDuration(),
                settings.externalId(),
                stsEndpoint(settings, env),
                clock,
                null);
    }

    /** A role assumed with {@code base}'s credentials, refreshed before expiry; {@code where} names it (null: the role). */
    static Found assumeRole(
            Found base,
            String roleArn,
            String sessionName,
            Duration duration,
            String externalId,
            URI stsEndpoint,
            Clock clock,
            String where) {
        StsClient sts = base.sts() != null && base.sts().endpoint().equals(stsEndpoint)
                ? base.sts()
                : new StsClient(stsEndpoint, clock);
        String description = (where == null ? "" : where + ": ") + "role " + roleArn + " assumed with " + base.source();
        CredentialsProvider source = base.provider();
        RefreshingCredentialsProvider role = new RefreshingCredentialsProvider(
                description,
                () -> sts.assumeRole(source.credentials(), roleArn, sessionName, duration, externalId),
                clock);
        return new Found(role, description, sts);
    }

    /** An OIDC role (RRSA), the token read from {@code tokenFile} at every refresh. */
    static Found oidc(
            String roleArn,
            String providerArn,
            Path tokenFile,
            String sessionName,
            Duration duration,
            URI stsEndpoint,
            Clock clock,
            String where) {
        StsClient sts = new StsClient(stsEndpoint, clock);
        String description = where + ": role " + roleArn + ", token file " + tokenFile + ", STS " + sts.endpoint();
        RefreshingCredentialsProvider provider = new RefreshingCredentialsProvider(
                description,
                () -> sts.assumeRoleWithOidc(roleArn, providerArn, readToken(tokenFile), sessionName, duration),
                clock);
        return new Found(provider, description, sts);
    }

    private static Found firstSource(Settings settings, Function<String, String> env, Clock clock, List<String> tried) {
        for (EnvironmentCredentialsProvider vars : List.of(
                new EnvironmentCredentialsProvider(env),
                new EnvironmentCredentialsProvider(
                        env,
                        EnvironmentCredentialsProvider.ALIBABA_ACCESS_KEY_ID,
                        EnvironmentCredentialsProvider.ALIBABA_ACCESS_KEY_SECRET,
                        EnvironmentCredentialsProvider.ALIBABA_SECURITY_TOKEN))) {
            if (vars.isAvailable()) {
                return new Found(vars, vars.toString(), null);
            }
            if (vars.isMentioned()) {
                throw new IllegalArgumentException(vars.unavailableReason()); // half a pair is a mistake, not "absent"
            }
            tried.add(vars + ": not set");
        }
        String rrsa = rrsaMissing(env);
        if (rrsa == null) {
            return rrsa(settings, env, clock);
        }
        tried.add("RRSA: " + rrsa);
        Found profile = ProfileFiles.cli(settings, env, clock, tried);
        if (profile == null) {
            profile = ProfileFiles.ini(settings, env, clock, tried);
        }
        if (profile == null) {
            profile = ecs(settings, env, clock, tried);
        }
        return profile != null ? profile : credentialsUri(env, clock, tried);
    }

    /**
     * The ECS instance's RAM role, when the metadata service answers (one-second timeouts); else null
     * with the service's words in {@code tried}.
     */
    private static Found ecs(Settings settings, Function<String, String> env, Clock clock, List<String> tried) {
        if ("true"
                .equalsIgnoreCase(
                        String.valueOf(env.apply(ECS_METADATA_DISABLED)).trim())) {
            tried.add("the ECS instance metadata service: " + ECS_METADATA_DISABLED + "=true");
            return null;
        }
        String endpoint = blank(settings.ecsMetadataEndpoint())
                ? DEFAULT_ECS_METADATA_ENDPOINT
                : settings.ecsMetadataEndpoint().trim();
        EcsMetadataSource ecs = new EcsMetadataSource(
                URI.create(endpoint),
                env.apply(ECS_METADATA_ROLE),
                !"true"
                        .equalsIgnoreCase(
                                String.valueOf(env.apply(IMDSV1_DISABLED)).trim()));
        try {
            ecs.fetch(); // does it answer at all? (the provider asks again when first used)
        } catch (IllegalStateException e) {
            ecs.close();
            tried.add(e.getMessage());
            return null;
        }
        String description = "the ECS instance's RAM role"
                + (blank(env.apply(ECS_METADATA_ROLE))
                        ? ""
                        : " " + env.apply(ECS_METADATA_ROLE).trim())
                + " from the metadata service at " + endpoint;
        return new Found(
                new RefreshingCredentialsProvider(description, ecs::fetch, clock).closing(ecs), description, null);
    }

    /** The last source: {@code ALIBABA_CLOUD_CREDENTIALS_URI}, when set. */
    private static Found credentialsUri(Function<String, String> env, Clock clock, List<String> tried) {
        String uri = env.apply(CREDENTIALS_URI);
        if (blank(uri)) {
            tried.add(CREDENTIALS_URI + ": not set");
            return null;
        }
        CredentialsUriSource source = new CredentialsUriSource(URI.create(uri.trim()));
        String description = "the credentials URI " + uri.trim() + " (" + CREDENTIALS_URI + ")";
        return new Found(
                new RefreshingCredentialsProvider(description, source::fetch, clock).closing(source),
                description,
                null);
    }

    /** Why RRSA does not apply (which variable is missing), or null when it does. */
    private static String rrsaMissing(Function<String, String> env) {
        List<String> missing = new ArrayList<>();
        for (String name : List.of(ROLE_ARN, OIDC_PROVIDER_ARN, OIDC_TOKEN_FILE)) {
            if (blank(env.apply(name))) {
                missing.add(name);
            }
        }
        return missing.isEmpty() ? null : String.join(", ", missing) + " not set";
    }

    private static Found rrsa(Settings settings, Function<String, String> env, Clock clock) {
        String sessionName = blank(env.apply(ROLE_SESSION_NAME))
                ? sessionName(settings, env)
                : env.apply(ROLE_SESSION_NAME).trim();
        return oidc(
                env.apply(ROLE_ARN).trim(),
                env.apply(OIDC_PROVIDER_ARN).trim(),
                Path.of(env.apply(OIDC_TOKEN_FILE).trim()),
                sessionName,
                settings.roleSessionDuration(),
                stsEndpoint(settings, env),
                clock,
                "RRSA");
    }

    /** The pod's OIDC token, read afresh for every exchange: the cluster rotates the file. */
    static String readToken(Path tokenFile) {
        try {
            String token = Files.readString(tokenFile, StandardCharsets.UTF_8);
            if (token.isBlank()) {
                throw new IllegalStateException(
                        "RRSA: the OIDC token file " + tokenFile + " (" + OIDC_TOKEN_FILE + ") is empty");
            }
            return token;
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("RRSA: the OIDC token file " + tokenFile + " (" + OIDC_TOKEN_FILE
                    + ") does not exist: is the pod's service account annotated for RRSA?");
        } catch (IOException e) {
            throw new IllegalStateException(
                    "RRSA: the OIDC token file " + tokenFile + " (" + OIDC_TOKEN_FILE + ") cannot be read: " + e, e);
        }
    }

    private static String sessionName(Settings settings, Function<String, String> env) {
        return blank(settings.roleSessionName()) ? "camel-oss-multipart" : settings.roleSessionName();
    }

    /**
     * The STS URL: the option; else {@code ALIBABA_CLOUD_STS_ENDPOINT} (the RRSA webhook sets it); else
     * {@code sts[-vpc].<ALIBABA_CLOUD_STS_REGION>.aliyuncs.com}; else {@code sts.<region>.aliyuncs.com};
     * else {@code sts.aliyuncs.com}. https unless a scheme is given.
     */
    public static URI stsEndpoint(Settings settings, Function<String, String> env) {
        String host;
        if (!blank(settings.stsEndpoint())) {
            host = settings.stsEndpoint().trim();
        } else if (!blank(env.apply(STS_ENDPOINT))) {
            host = env.apply(STS_ENDPOINT).trim();
        } else if (!blank(env.apply(STS_REGION))) {
            boolean vpc = "true"
                    .equalsIgnoreCase(
                            String.valueOf(env.apply(VPC_ENDPOINT_ENABLED)).trim());
            host = (vpc ? "sts-vpc." : "sts.") + env.apply(STS_REGION).trim().toLowerCase(Locale.ROOT)
                    + ".aliyuncs.com";
        } else if (!blank(settings.region())) {
            host = "sts." + settings.region().trim() + ".aliyuncs.com";
        } else {
            host = "sts.aliyuncs.com";
        }
        return URI.create(host.contains("://") ? host : "https://" + host);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
