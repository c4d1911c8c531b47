package org.ossmultipart.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.ossmultipart.camel.upload.UploadGoneException;

/**
 * One application node of the chaos run: Camel Main from an application.properties and a YAML route
 * file, as users run it. Prints what the run counts: leadership of the janitor route, exchanges that
 * found their own upload gone (a live upload aborted under them), and every two seconds its heap after
 * GC, threads, open files and whether it leads the janitor. Args: nodeId propertiesFile.
 */
public final class ChaosNode {

    private ChaosNode() {}

    public static void main(String[] args) throws Exception {
        String node = args[0];
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("file:" + args[1]);
        // Camel Main adds the EventNotifier beans it finds in the registry
        main.bind("chaosEvents", new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeFailedEvent failed) {
                    Throwable t = failed.getExchange().getException();
                    for (; t != null; t = t.getCause() == t ? null : t.getCause()) {
                        if (t instanceof UploadGoneException) {
                            System.out.println(
                                    "GONE " + node + " " + t.getMessage().replace('\n', ' '));
                            return;
                        }
                    }
                }
            }

            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.ExchangeFailedEvent;
            }
        });
        // the janitor's leadership, as the cluster service sees it (the route itself runs on every node)
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                CamelClusterService cluster = started.getCamelContext()
                        .getRegistry()
                        .lookupByNameAndType("cluster", CamelClusterService.class);
                if (cluster == null) {
                    return; // the steady node has no janitor
                }
                try {
                    CamelClusterView view = cluster.getView("chaos-janitor"); // the master: consumer holds it too
                    janitorView = view;
                    // asks the local member, as camel-master does: the event's leader is found by id, and a
                    // node restarted while its killed predecessor's lock node lives sees "itself" lead
                    view.addEventListener((CamelClusterEventListener.Leadership) (v, leader) ->
                            System.out.println((v.getLocalMember().isLeader() ? "LEADER " : "NOT-LEADER ") + node + " "
                                    + System.currentTimeMillis()));
                    cluster.releaseView(view);
                } catch (Exception e) {
                    System.out.println("NO-CLUSTER-VIEW " + e);
                }
            }
        });
        Thread stats = new Thread(
                () -> {
                    while (true) {
                        System.out.println("NODESTAT " + node + " " + System.currentTimeMillis() + " "
                                + heapAfterGcMib() + " " + Thread.activeCount() + " " + openFiles() + " "
                                + (leads() ? 1 : 0));
                        try {
                            Thread.sleep(2000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "node-stats");
        stats.setDaemon(true);
        stats.start();
        main.run();
    }

    private static volatile CamelClusterView janitorView;

    /** Whether this node leads the janitor now, as camel-master asks it. */
    private static boolean leads() {
        CamelClusterView view = janitorView;
        return view != null && view.getLocalMember().isLeader();
    }

    /** Heap in use right after the last collection of each heap pool: what survives, not garbage. */
    private static long heapAfterGcMib() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage after = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && after != null) {
                bytes += after.getUsed();
            }
        }
        return bytes >> 20;
    }

    private static long openFiles() {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (Exception e) {
            return -1;
        }
    }
}
