package org.ossmultipart.camel;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.ossmultipart.camel.units.Durations;

/** The {@code oss-multipart} component: options set here are the defaults of every endpoint. */
@Component("oss-multipart")
public class OssMultipartComponent extends HealthCheckComponent {

    @Metadata
    private OssMultipartConfiguration configuration = new OssMultipartConfiguration();

    @Metadata(label = "consumer,advanced", defaultValue = "10s", javaType = "java.lang.String")
    private Duration electionCheckInterval = Duration.ofSeconds(10);

    private volatile JanitorElectionGuard electionGuard;

    /** A zero duration as people write it: 0, 0s, 0ms, PT0S. */
    private static final java.util.regex.Pattern OFF = java.util.regex.Pattern.compile("(?i)0+\\s*(ms|s|m|h|d)?|pt0s");

    /** Joins a context: from now on the context masks our secret options wherever it shows configuration. */
    @Override
    public void setCamelContext(CamelContext context) {
        super.setCamelContext(context);
        if (context != null) {
            SensitiveOptions.register(context);
        }
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        OssMultipartEndpoint endpoint = new OssMultipartEndpoint(uri, this, remaining, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        electionGuard = new JanitorElectionGuard(getCamelContext(), electionCheckInterval);
        electionGuard.start();
    }

    @Override
    protected void doStop() throws Exception {
        if (electionGuard != null) {
            electionGuard.stop();
        }
        super.doStop();
    }

    /** The guard of the janitors' leader elections (null before the component starts). */
    JanitorElectionGuard electionGuard() {
        return electionGuard;
    }

    public Duration getElectionCheckInterval() {
        return electionCheckInterval;
    }

    /**
     * How often each node checks its part in the leader election of a janitor run behind master: on
     * camel-zookeeper -- a janitor running without leading is stopped, an election left is rejoined
     * (camel-zookeeper 4.18 leaves it for good after a lost connection, so that after a ZooKeeper outage
     * no node might lead again): 10s, 1m, or a plain number of milliseconds, at least 100ms; 0 turns the
     * check off.
     */
    public void setElectionCheckInterval(String electionCheckInterval) {
        this.electionCheckInterval = electionCheckInterval != null
                        && OFF.matcher(electionCheckInterval.trim()).matches()
                ? Duration.ZERO
                // each check asks the cluster service (ZooKeeper: a read per member): not more often than that
                : Durations.parse("electionCheckInterval", electionCheckInterval, Duration.ofMillis(100));
    }

    public OssMultipartConfiguration getConfiguration() {
        return configuration;
    }

    /** The component-level configuration, copied into each endpoint. */
    public void setConfiguration(OssMultipartConfiguration configuration) {
        this.configuration = configuration;
    }
}
