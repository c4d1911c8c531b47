package org.ossmultipart.camel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.ossmultipart.camel.janitor.JanitorPass;
import org.ossmultipart.camel.oss.OssException;
import org.ossmultipart.camel.oss.OssIntegrityException;
import org.ossmultipart.camel.upload.UploadBoard;

/**
 * The component's Micrometer meters (names and tags in the component docs, "Operating it"). Tags are
 * bounded: bucket, the janitor's prefix, outcome, method, operation and OSS error code -- never a key
 * or an upload id. Only loaded when Micrometer is on the class path (see {@link #find}).
 */
final class OssMultipartMeters implements EndpointMeters {

    /** Gauge values shared by the endpoints of one registry (a gauge id is registered once). */
    private static final Map<MeterRegistry, Map<String, AtomicLong>> GAUGES = new WeakHashMap<>();
    /** The upload boards of the endpoints of each bucket, per registry (endpoints come and go). */
    private static final Map<MeterRegistry, Map<String, Set<UploadBoard>>> BOARDS = new WeakHashMap<>();

    private final MeterRegistry registry;
    private final String bucket;
    private final AtomicLong active;

    private OssMultipartMeters(MeterRegistry registry, String bucket) {
        this.registry = registry;
        this.bucket = bucket;
        this.active = gauge("oss.multipart.uploads.active", "Uploads running now", "bucket", bucket);
    }

    /**
     * The meters of an endpoint when the application has Micrometer and a MeterRegistry in the Camel
     * registry (camel-micrometer, Spring Boot actuator, or bound by the user), else none.
     */
    static EndpointMeters find(CamelContext context, String bucket) {
        try {
            Class.forName(
                    "io.micrometer.core.instrument.MeterRegistry", false, OssMultipartMeters.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return EndpointMeters.NONE;
        }
        MeterRegistry registry = pick(context.getRegistry().findByType(MeterRegistry.class));
        return registry == null ? EndpointMeters.NONE : new OssMultipartMeters(registry, bucket);
    }

    private static MeterRegistry pick(Collection<MeterRegistry> registries) {
        if (registries == null || registries.isEmpty()) {
            return null;
        }
        // Spring Boot and camel-micrometer may both be there: the composite one feeds the others
        return registries.stream()
                .filter(CompositeMeterRegistry.class::isInstance)
                .findFirst()
                .orElse(registries.iterator().next());
    }

    // ---- uploads ---------------------------------------------------------------------------------

    @Override
    public void uploadStarted(String bucket) {
        active.incrementAndGet();
    }

    @Override
    public void bytesStored(String bucket, long bytes, boolean part) {
        Counter.builder("oss.multipart.upload.bytes")
                .description("Bytes stored by uploads (parts and single PutObjects)")
                .baseUnit("bytes")
                .tag("bucket", bucket)
                .register(registry)
                .increment(bytes);
        if (part) {
            Counter.builder("oss.multipart.parts.uploaded")
                    .description("Parts stored")
                    .tag("bucket", bucket)
                    .register(registry)
                    .increment();
        }
    }

    @Override
    public void uploadEnded(String bucket, Outcome outcome, String errorCode, boolean singleRequest, Duration elapsed) {
        active.decrementAndGet();
        String outcomeTag = outcome.name().toLowerCase(Locale.ROOT);
        Counter.builder("oss.multipart.uploads")
                .description("Uploads ended, by outcome (completed, failed, aborted), method and error code")
                .tag("bucket", bucket)
                .tag("outcome", outcomeTag)
                .tag("method", singleRequest ? "single" : "multipart")
                .tag("error", errorCode == null ? "none" : errorCode)
                .register(registry)
                .increment();
        Timer.builder("oss.multipart.upload.duration")
                .description("Duration of uploads, by outcome")
                .tag("bucket", bucket)
                .tag("outcome", outcomeTag)
                .register(registry)
                .record(elapsed);
    }

    // ---- credentials --------------------------------------------------------------------------------

    @Override
    public void credentialsRefreshed(RuntimeException failure) {
        Counter.builder("oss.multipart.credentials.refreshes")
                .description("Refreshes of temporary credentials (RRSA, roleArn), by outcome")
                .tag("bucket", bucket)
                .tag("outcome", failure == null ? "ok" : "failed")
                .register(registry)
                .increment();
    }

    // ---- retries -----------------------------------------------------------------------------------

    @Override
    public void retrying(OssException failure, int attempt) {
        String operation = failure.getOperation() == null
                ? "unknown"
                : failure.getOperation().split(" ", 2)[0]; // "UploadPart oss://b/k part 3": the name only
        String code = failure.getErrorCode() == null ? "none" : failure.getErrorCode();
        Counter.builder("oss.multipart.requests.retried")
                .description("Requests sent again, by operation and error code")
                .tag("bucket", bucket)
                .tag("operation", operation)
                .tag("error", code)
                .register(registry)
                .increment();
        if (failure instanceof OssIntegrityException || "InvalidDigest".equals(code)) {
            Counter.builder("oss.multipart.parts.resent")
                    .description("Parts (or single PutObjects) sent again because their bytes arrived damaged")
                    .tag("bucket", bucket)
                    .register(registry)
                    .increment();
        }
    }

    // ---- janitor -----------------------------------------------------------------------------------

    /** Reports the bytes the running uploads hold in part buffers (all endpoints of the bucket). */
    @Override
    public void watchBuffers(UploadBoard board) {
        Set<UploadBoard> boards;
        synchronized (BOARDS) {
            boards = BOARDS.computeIfAbsent(registry, r -> new ConcurrentHashMap<>())
                    .computeIfAbsent(bucket, b -> Collections.newSetFromMap(new WeakHashMap<>()));
        }
        synchronized (boards) {
            boards.add(board);
        }
        Set<UploadBoard> watched = boards;
        Gauge.builder("oss.multipart.buffers.bytes", watched, OssMultipartMeters::buffered)
                .description("Bytes held in part buffers by the uploads running now")
                .baseUnit("bytes")
                .tag("bucket", bucket)
                .strongReference(true)
                .register(registry);
    }

    private static double buffered(Set<UploadBoard> boards) {
        synchronized (boards) {
            return boards.stream().mapToLong(UploadBoard::bufferedBytes).sum();
        }
    }

    /** One completed janitor pass. */
    @Override
    public void recordPass(JanitorPass pass) {
        String prefix = pass.prefix() == null ? "" : pass.prefix();
        passCounter("oss.multipart.janitor.uploads.listed", "Uploads listed by janitor passes", prefix, pass.listed());
        passCounter(
                "oss.multipart.janitor.uploads.stale", "Stale uploads found by janitor passes", prefix, pass.stale());
        passCounter(
                "oss.multipart.janitor.uploads.aborted",
                "Stale uploads aborted by the janitor",
                prefix,
                pass.aborted());
        passCounter(
                "oss.multipart.janitor.abort.failures",
                "Aborts of stale uploads that failed",
                prefix,
                pass.abortFailures());
        gauge(
                        "oss.multipart.janitor.stale.uploads",
                        "Stale uploads of the last janitor pass",
                        "bucket",
                        bucket,
                        "prefix",
                        prefix)
                .set(pass.stale());
        gauge(
                        "oss.multipart.janitor.stale.bytes",
                        "Bytes stored in stale uploads, last janitor pass (-1: not listed)",
                        "bucket",
                        bucket,
                        "prefix",
                        prefix)
                .set(pass.storedBytes() == null ? -1 : pass.storedBytes());
        Timer.builder("oss.multipart.janitor.pass.duration")
                .description("Duration of janitor passes")
                .tag("bucket", bucket)
                .tag("prefix", prefix)
                .register(registry)
                .record(pass.duration());
    }

    private void passCounter(String name, String description, String prefix, long amount) {
        Counter.builder(name)
                .description(description)
                .tag("bucket", bucket)
                .tag("prefix", prefix)
                .register(registry)
                .increment(amount);
    }

    private AtomicLong gauge(String name, String description, String... tags) {
        String id = name + String.join("|", tags);
        AtomicLong value;
        synchronized (GAUGES) {
            value = GAUGES.computeIfAbsent(registry, r -> new ConcurrentHashMap<>())
                    .computeIfAbsent(id, k -> new AtomicLong());
        }
        Gauge.builder(name, value, AtomicLong::get)
                .description(description)
                .tags(tags)
                .strongReference(true)
                .register(registry);
        return value;
    }
}
