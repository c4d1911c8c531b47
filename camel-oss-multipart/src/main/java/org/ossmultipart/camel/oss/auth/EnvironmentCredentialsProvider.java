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

    @Override
    public Credentials credentials() {
        if (!isAvailable()) {
            throw new IllegalStateException(
                    "No OSS credentials: set the accessKeyId and accessKeySecret options, a credentialsProvider, "
                            + "or the environment variables " + ACCESS_KEY_ID + " and " + ACCESS_KEY_SECRET);
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
