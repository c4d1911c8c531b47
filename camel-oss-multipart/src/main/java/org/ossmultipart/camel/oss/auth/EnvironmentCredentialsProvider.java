package org.ossmultipart.camel.oss.auth;

import java.util.Map;
import java.util.function.Function;

/**
 * Credentials from {@code OSS_ACCESS_KEY_ID}, {@code OSS_ACCESS_KEY_SECRET} and (optionally)
 * {@code OSS_SESSION_TOKEN}, read on every call so a rotated environment is picked up.
 */
public final class EnvironmentCredentialsProvider implements CredentialsProvider {

    public static final String ACCESS_KEY_ID = "OSS_ACCESS_KEY_ID";
    public static final String ACCESS_KEY_SECRET = "OSS_ACCESS_KEY_SECRET";
    public static final String SESSION_TOKEN = "OSS_SESSION_TOKEN";

    private final Function<String, String> environment;

    public EnvironmentCredentialsProvider() {
        this(System::getenv);
    }

    /** For tests: read variables from a map instead of the process environment. */
    public EnvironmentCredentialsProvider(Map<String, String> environment) {
        this(environment::get);
    }

    private EnvironmentCredentialsProvider(Function<String, String> environment) {
        this.environment = environment;
    }

    /** True when both the key id and the secret are set. */
    public boolean isAvailable() {
        return notBlank(environment.apply(ACCESS_KEY_ID)) && notBlank(environment.apply(ACCESS_KEY_SECRET));
    }

    /** Why there are no credentials in the environment, naming the variable that is missing; null when there are. */
    public String unavailableReason() {
        boolean id = notBlank(environment.apply(ACCESS_KEY_ID));
        boolean secret = notBlank(environment.apply(ACCESS_KEY_SECRET));
        if (id && secret) {
            return null;
        }
        if (id || secret) {
            String set = id ? ACCESS_KEY_ID : ACCESS_KEY_SECRET;
            String unset = id ? ACCESS_KEY_SECRET : ACCESS_KEY_ID;
            return "No OSS credentials: the environment variable " + set + " is set but " + unset
                    + " is not; set both, or the accessKeyId and accessKeySecret options, or a credentialsProvider";
        }
        return "No OSS credentials: set the accessKeyId and accessKeySecret options, a credentialsProvider, "
                + "or the environment variables " + ACCESS_KEY_ID + " and " + ACCESS_KEY_SECRET;
    }

    @Override
    public Credentials credentials() {
        String reason = unavailableReason();
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
        return new Credentials(
                environment.apply(ACCESS_KEY_ID),
                environment.apply(ACCESS_KEY_SECRET),
                environment.apply(SESSION_TOKEN));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public String toString() {
        return "EnvironmentCredentialsProvider";
    }
}
