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

    /** The Alibaba Cloud SDKs' names, second in the default chain. */
    public static final String ALIBABA_ACCESS_KEY_ID = "ALIBABA_CLOUD_ACCESS_KEY_ID";

    public static final String ALIBABA_ACCESS_KEY_SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
    public static final String ALIBABA_SECURITY_TOKEN = "ALIBABA_CLOUD_SECURITY_TOKEN";

    private final Function<String, String> environment;
    private final String idVariable;
    private final String secretVariable;
    private final String tokenVariable;

    public EnvironmentCredentialsProvider() {
        this(System::getenv);
    }

    /** For tests: read variables from a map instead of the process environment. */
    public EnvironmentCredentialsProvider(Map<String, String> environment) {
        this(environment::get);
    }

    /** The OSS SDKs' variables, read from {@code environment}. */
    public EnvironmentCredentialsProvider(Function<String, String> environment) {
        this(environment, ACCESS_KEY_ID, ACCESS_KEY_SECRET, SESSION_TOKEN);
    }

    /** These variables, read from {@code environment} on every call. */
    public EnvironmentCredentialsProvider(
            Function<String, String> environment, String idVariable, String secretVariable, String tokenVariable) {
        this.environment = environment;
        this.idVariable = idVariable;
        this.secretVariable = secretVariable;
        this.tokenVariable = tokenVariable;
    }

    /** Whether either variable of the pair is set (a half-set pair is an error, not "not here"). */
    public boolean isMentioned() {
        return notBlank(environment.apply(idVariable)) || notBlank(environment.apply(secretVariable));
    }

    /** True when both the key id and the secret are set. */
    public boolean isAvailable() {
        return notBlank(environment.apply(idVariable)) && notBlank(environment.apply(secretVariable));
    }

    /** Why there are no credentials in the environment, naming the variable that is missing; null when there are. */
    public String unavailableReason() {
        boolean id = notBlank(environment.apply(idVariable));
        boolean secret = notBlank(environment.apply(secretVariable));
        if (id && secret) {
            return null;
        }
        if (id || secret) {
            String set = id ? idVariable : secretVariable;
            String unset = id ? secretVariable : idVariable;
            return "No OSS credentials: the environment variable " + set + " is set but " + unset
                    + " is not; set both, or the accessKeyId and accessKeySecret options, or a credentialsProvider";
        }
        return "No OSS credentials: set the accessKeyId and accessKeySecret options, a credentialsProvider, "
                + "or the environment variables " + idVariable + " and " + secretVariable;
    }

    @Override
    public Credentials credentials() {
        String reason = unavailableReason();
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
        return new Credentials(
                environment.apply(idVariable), environment.apply(secretVariable), environment.apply(tokenVariable));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public String toString() {
        return "the environment variables " + idVariable + " / " + secretVariable;
    }
}
