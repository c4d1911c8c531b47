package org.ossmultipart.camel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.DelegateEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's part in the leader election of every janitor run behind {@code master:}
 * ({@code master:<namespace>:oss-multipart:...}) on camel-zookeeper's cluster service, working around
 * two defects of camel-zookeeper 4.18 found by the chaos run.
 *
 * <p>Its cluster view runs Curator's {@code LeaderSelector} without {@code autoRequeue}: a leader whose
 * connection is suspended or whose session is lost gives up leadership and never re-enters the election
 * (nor does a waiting node whose retries run out while ZooKeeper is away), so after a ZooKeeper outage
 * the election may have no candidate left. And the leader that gives up is not told: the view announces
 * the change while Curator still reports it as leader, so camel-master keeps its consumer -- the janitor
 * runs on a node that does not lead, beside the new leader's. (camel-master also starts the consumer a
 * second after leadership came, lost in that second or not.)
 *
 * <p>Every interval, for each janitor whose {@code master:} consumer runs, this asks the view whether
 * the local member leads; if not, whether the janitor runs all the same, or whether the node is no longer
 * among the election's members (where the view listed it before). In trouble on two checks in a row and
 * still at the moment of acting, the view is stopped -- camel-master then stops the janitor that must not
 * run -- and, once the node has let go, started again, which re-enters the election.
 */
final class JanitorElectionGuard {

    private static final Logger LOG = LoggerFactory.getLogger(JanitorElectionGuard.class);

    /** The cluster service whose defects this works around; by name, as the component does not need it. */
    static final String ZOOKEEPER_CLUSTER_SERVICE =
            "org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService";

    private static final long LET_GO_MILLIS = 5_000;

    /** A janitor behind master: -- its route (whose consumer holds the view) and its oss-multipart endpoint. */
    private record Janitor(String namespace, Route route, OssMultipartEndpoint endpoint) {}

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
        executor.scheduleWithFixedDelay(this::check, ms, ms, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (executor != null) {
            context.getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
    }

    /** How many times this node's view was restarted: a janitor stopped that must not run, or the election rejoined. */
    long rejoins() {
        return rejoins.get();
    }

    /** One check of every janitor (the scheduled task; tests call it directly). */
    void check() {
        for (Janitor janitor : janitors()) {
            for (CamelClusterService service : zooKeeperServices(janitor.namespace())) {
                String key = service.getId() + "/" + janitor.namespace();
                try {
                    if (trouble(service, janitor) == null) {
                        suspicious.remove(key);
                    } else if (suspicious.merge(key, 1, Integer::sum) >= 2) {
                        suspicious.remove(key);
                        rejoinIfStillInTrouble(service, janitor);
                    }
                } catch (Exception e) {
                    // ZooKeeper unreachable right now, or the view in the middle of a change: start counting again
                    suspicious.remove(key);
                    LOG.debug("Could not check the leader election of '{}': {}", janitor.namespace(), e.toString());
                }
            }
        }
    }

    /** What is wrong with this node's part in the election, or null when nothing is. */
    private String trouble(CamelClusterService service, Janitor janitor) throws Exception {
        CamelClusterView view = service.getView(janitor.namespace()); // held by the running master: consumer
        try {
            CamelClusterMember local = view.getLocalMember();
            boolean listed = false;
            for (CamelClusterMember member : view.getMembers()) {
                listed |= local.getId() != null && local.getId().equals(member.getId());
            }
            if (listed) {
                listsItsMembers.add(janitor.namespace());
            }
            if (local.isLeader()) {
                return null;
            }
            if (janitor.endpoint().janitorRuns()) {
                return "it runs, and this node does not lead";
            }
            if (listed || !listsItsMembers.contains(janitor.namespace())) {
                return null; // taking part, or not listed even once since it started: cannot tell
            }
            return "this node had left the leader election (its connection or session was lost) and was not"
                    + " taking part";
        } finally {
            service.releaseView(view);
        }
    }

    private void rejoinIfStillInTrouble(CamelClusterService service, Janitor janitor) throws Exception {
        String trouble = trouble(service, janitor); // leadership may have come since the last check
        if (trouble == null
                || !context.getStatus().isStarted()
                || !ServiceHelper.isStarted(janitor.route().getConsumer())) {
            return;
        }
        String namespace = janitor.namespace();
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
        CamelClusterView view = service.getView(namespace);
        try {
            // Curator lets go of leadership on the interrupted election thread: a start before that re-enters nothing
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LET_GO_MILLIS);
            while (view.getLocalMember().isLeader() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            service.releaseView(view);
        }
        service.startView(namespace);
        rejoins.incrementAndGet();
    }

    /** camel-zookeeper's cluster services that hold a view of the namespace. */
    private List<CamelClusterService> zooKeeperServices(String namespace) {
        List<CamelClusterService> services = new ArrayList<>();
        for (CamelClusterService service : context.hasServices(CamelClusterService.class)) {
            if (ZOOKEEPER_CLUSTER_SERVICE.equals(service.getClass().getName())
                    && service.getNamespaces().contains(namespace)) {
                services.add(service);
            }
        }
        return services;
    }

    /** The janitors behind master: whose consumer runs (and so holds its view of the cluster). */
    private List<Janitor> janitors() {
        List<Janitor> janitors = new ArrayList<>();
        for (Route route : context.getRoutes()) {
            Endpoint from = route.getEndpoint();
            String namespace = janitorNamespace(from.getEndpointUri());
            if (namespace != null
                    && from instanceof DelegateEndpoint master
                    && master.getEndpoint() instanceof OssMultipartEndpoint endpoint
                    && ServiceHelper.isStarted(route.getConsumer())) {
                janitors.add(new Janitor(namespace, route, endpoint));
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
