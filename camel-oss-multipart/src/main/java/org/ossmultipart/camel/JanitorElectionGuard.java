package org.ossmultipart.camel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.support.cluster.ClusterServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node in the leader election of every janitor run behind {@code master:}
 * ({@code master:<namespace>:oss-multipart:...}).
 *
 * <p>Why: camel-zookeeper 4.18's cluster view runs Curator's {@code LeaderSelector} without
 * {@code autoRequeue}. When a node's ZooKeeper session is lost -- ZooKeeper down for longer than the
 * session timeout, or the node frozen that long -- the node leaves the election and never comes back;
 * when every node's session was lost at once, no node leads again and the janitor stops on the whole
 * cluster, silently, until the applications restart (found by the chaos run). And camel-master starts
 * the janitor's consumer a second after leadership comes: when the session is lost in that second, the
 * consumer starts anyway and nothing stops it -- a janitor on a node that does not lead. Every interval
 * this asks the view whether the local member leads, else whether its janitor runs or it is no longer
 * among the members (only where the view has listed it before: camel-file's lock lists nobody); in
 * trouble on two checks in a row, the view is stopped (camel-master then stops the
 * janitor's consumer) and started again, which re-enters the election (the view's own start).
 */
final class JanitorElectionGuard {

    private static final Logger LOG = LoggerFactory.getLogger(JanitorElectionGuard.class);

    private final CamelContext context;
    private final Duration interval;
    private final Map<String, Integer> suspicious = new HashMap<>();
    /** Namespaces whose view has listed this node among its members: there, not being listed means gone. */
    private final Set<String> listsItsMembers = new HashSet<>();

    private final AtomicLong rejoins = new AtomicLong();
    private ScheduledExecutorService executor;

    JanitorElectionGuard(CamelContext context, Duration interval) {
        this.context = context;
        this.interval = interval;
    }

    void start() {
        if (interval.isZero()) {
            return;
        }
        executor = context.getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "OssMultipartJanitorElectionGuard");
        long ms = interval.toMillis();
        executor.scheduleWithFixedDelay(this::checkQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (executor != null) {
            context.getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
    }

    /** How many times this node re-entered an election it had left. */
    long rejoins() {
        return rejoins.get();
    }

    private void checkQuietly() {
        try {
            check();
        } catch (Exception e) {
            // ZooKeeper unreachable right now, or the view in the middle of a change: the next check decides
            LOG.debug("Could not check the janitor's leader election: {}", e.toString());
        }
    }

    void check() throws Exception {
        Map<String, List<String>> janitors = janitors();
        if (janitors.isEmpty()) {
            return;
        }
        Optional<CamelClusterService> found = ClusterServiceHelper.lookupService(context);
        if (found.isEmpty()) {
            return;
        }
        CamelClusterService service = found.get();
        for (Map.Entry<String, List<String>> janitor : janitors.entrySet()) {
            String namespace = janitor.getKey();
            if (!service.getNamespaces().contains(namespace)) {
                continue; // the master: consumer has not joined yet (or has stopped): not ours to start
            }
            CamelClusterView view = service.getView(namespace);
            String trouble;
            try {
                trouble = trouble(view, janitor.getValue());
            } finally {
                service.releaseView(view);
            }
            if (trouble == null) {
                suspicious.remove(namespace);
            } else if (suspicious.merge(namespace, 1, Integer::sum) >= 2) {
                suspicious.remove(namespace);
                rejoin(service, namespace, trouble);
            }
        }
    }

    /** What is wrong with this node's part in the election, or null when nothing is. */
    private String trouble(CamelClusterView view, List<String> janitorUris) {
        CamelClusterMember local = view.getLocalMember();
        if (local.isLeader()) {
            return null;
        }
        for (String uri : janitorUris) {
            if (context.hasEndpoint(uri) instanceof OssMultipartEndpoint janitor && janitor.janitorRuns()) {
                // camel-master starts the consumer a second after leadership came; lost meanwhile, nobody stops it
                return "it runs, and this node does not lead";
            }
        }
        for (CamelClusterMember member : view.getMembers()) {
            if (local.getId() != null && local.getId().equals(member.getId())) {
                listsItsMembers.add(view.getNamespace());
                return null;
            }
        }
        if (!listsItsMembers.contains(view.getNamespace())) {
            return null; // a service that never listed this node (camel-file's lock lists nobody): cannot tell
        }
        return "this node had left the leader election (its cluster session was lost) and was not taking part";
    }

    private void rejoin(CamelClusterService service, String namespace, String trouble) throws Exception {
        LOG.warn(
                "The janitor behind master:{} on this node ({}): {}. Restarting this node's view of the cluster,"
                        + " which stops a janitor that must not run and rejoins the election, so that one leader"
                        + " runs the only janitor",
                namespace,
                service.getId(),
                trouble);
        try {
            service.stopView(namespace);
        } catch (Exception e) {
            LOG.debug("Stopping the view '{}' before rejoining: {}", namespace, e.toString());
        }
        service.startView(namespace);
        rejoins.incrementAndGet();
    }

    /** The janitors behind master: in this context: namespace -> the URIs of their oss-multipart endpoints. */
    private Map<String, List<String>> janitors() {
        Map<String, List<String>> janitors = new LinkedHashMap<>();
        for (Endpoint e : context.getEndpoints()) {
            String namespace = janitorNamespace(e.getEndpointUri());
            if (namespace != null) {
                String uri = e.getEndpointUri();
                janitors.computeIfAbsent(namespace, n -> new ArrayList<>())
                        .add(uri.substring(uri.indexOf("oss-multipart:")));
            }
        }
        return janitors;
    }

    static String janitorNamespace(String uri) {
        if (uri == null || !uri.startsWith("master:")) {
            return null;
        }
        String rest = uri.substring("master:".length());
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        int colon = rest.indexOf(':');
        if (colon <= 0 || !rest.startsWith("oss-multipart:", colon + 1)) {
            return null;
        }
        return rest.substring(0, colon);
    }
}
