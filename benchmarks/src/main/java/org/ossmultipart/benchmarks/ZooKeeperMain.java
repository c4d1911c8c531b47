package org.ossmultipart.benchmarks;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;

/** A ZooKeeper server in a process of its own (Curator's TestingServer), on loopback: args port dataDir. */
public final class ZooKeeperMain {

    private ZooKeeperMain() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Map<String, Object> loopbackOnly = Map.of("clientPortAddress", "127.0.0.1", "admin.enableServer", "false");
        TestingServer zk = new TestingServer(
                new InstanceSpec(
                        Path.of(args[1]).toFile(), port, -1, -1, false, -1, 2000, -1, loopbackOnly, "127.0.0.1"),
                true);
        System.out.println("ZOOKEEPER " + zk.getConnectString());
        new CountDownLatch(1).await();
    }
}
