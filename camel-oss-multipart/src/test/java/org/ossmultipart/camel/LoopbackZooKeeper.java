package org.ossmultipart.camel;

import java.util.Map;
import org.apache.camel.component.zookeeper.ZooKeeperCuratorConfiguration;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/** ZooKeeper for the cluster tests: Curator's in-process server on 127.0.0.1, and cluster services on it. */
final class LoopbackZooKeeper {

    private LoopbackZooKeeper() {}

    static TestingServer start() throws Exception {
        Map<String, Object> loopbackOnly = Map.of("clientPortAddress", "127.0.0.1", "admin.enableServer", "false");
        return new TestingServer(new InstanceSpec(null, -1, -1, -1, true, -1, -1, -1, loopbackOnly, "127.0.0.1"), true);
    }

    /**
     * A cluster service of the given id under basePath over the test's own, started Curator session, so
     * that the test can expire that session; the cluster service closes it.
     */
    static ZooKeeperClusterService clusterService(
            TestingServer zooKeeper, String id, String basePath, CuratorFramework session) {
        ZooKeeperCuratorConfiguration zk = new ZooKeeperCuratorConfiguration();
        zk.setNodes(zooKeeper.getConnectString());
        zk.setBasePath(basePath);
        zk.setCuratorFramework(session);
        ZooKeeperClusterService cluster = new ZooKeeperClusterService(zk);
        cluster.setId(id);
        return cluster;
    }
}
