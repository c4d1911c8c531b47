package org.ossmultipart.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.ossmultipart.testkit.LocalOssServer;

/**
 * Child-JVM main for the janitor run: one janitor pass over a bucket whose uploads are all stale,
 * in batches, timed and with the heap sampled; prints one result line. Run with a small heap, it
 * shows that memory does not grow with the number of uploads.
 * Args: endpoint bucket uploads batch staleBy.
 */
public final class JanitorProbe {

    private JanitorProbe() {}

    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        String bucket = args[1];
        int uploads = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]);
        String staleBy = args[4];
        AtomicLong emitted = new AtomicLong();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("later", Clock.offset(Clock.systemUTC(), Duration.ofDays(2)));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("oss-multipart:" + bucket + "?endpoint=" + endpoint + "&region=cn-hangzhou&accessKeyId="
                                    + LocalOssServer.DEFAULT_ACCESS_KEY_ID + "&accessKeySecret="
                                    + LocalOssServer.DEFAULT_ACCESS_KEY_SECRET
                                    + "&staleAfter=1d&staleBy=" + staleBy + "&clock=#later&maxMessagesPerPoll=" + batch
                                    + "&repeatCount=1&initialDelay=0")
                            .routeId("janitor")
                            .autoStartup(false)
                            .process(e -> emitted.incrementAndGet());
                }
            });
            camel.start();
            NotifyBuilder done = new NotifyBuilder(camel)
                    .fromRoute("janitor")
                    .whenDone(uploads)
                    .create();
            HeapSampler sampler = HeapSampler.start();
            long start = System.nanoTime();
            camel.getRouteController().startRoute("janitor");
            boolean all = done.matches(30, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.close();
            System.out.printf(
                    "JANITOR outcome=%s emitted=%d seconds=%.2f peak_heap_used_mib=%d peak_rss_mib=%d%n",
                    all ? "ok" : "incomplete", emitted.get(), seconds, sampler.peakMib(), HeapSampler.peakRssMib());
        } catch (Throwable t) {
            System.out.printf(
                    "JANITOR outcome=failed:_%s emitted=%d%n", String.valueOf(t).replace(' ', '_'), emitted.get());
        }
        System.exit(0);
    }
}
