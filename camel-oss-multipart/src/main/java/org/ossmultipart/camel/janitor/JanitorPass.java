package org.ossmultipart.camel.janitor;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ossmultipart.camel.units.ByteSize;
import org.ossmultipart.camel.units.Durations;

/**
 * The totals of one completed janitor pass: one walk over every page of ListMultipartUploads and the
 * exchanges it emitted, all finished. Each total is a {@link Count}, read by its named accessor.
 */
public final class JanitorPass {

    /** What a pass counts. */
    public enum Count {
        /** uploads the listing returned (under the prefix) */
        LISTED,
        /** uploads judged stale (emitted, or still held by the route from an earlier pass) */
        STALE,
        /** exchanges emitted for stale uploads in this pass */
        EMITTED,
        /** stale uploads aborted after their exchange succeeded */
        ABORTED,
        /** aborts the server refused (tried again by the next pass) */
        ABORT_FAILURES,
        /** bytes held by the parts of the emitted stale uploads (when their parts were listed) */
        STORED_BYTES,
        /** uploads skipped because a producer of this application is running them */
        LIVE,
        /** uploads initiated before the threshold but with a part stored since (not stale) */
        ACTIVE,
        /** uploads completed or aborted by someone else between listing and judging or aborting */
        GONE,
        /** stale uploads not aborted because the janitor was stopping (the next leader's pass does it) */
        DEFERRED,
        /** uploads past the threshold whose parts could not be listed (e.g. no oss:ListParts permission) */
        UNJUDGED,
        /** emitted exchanges that failed: their uploads are left for the next pass */
        FAILED,
        /** stale uploads not emitted again because a route still processes them from an earlier pass */
        IN_ROUTE
    }

    private final String bucket;
    private final String prefix;
    private final StaleBy staleBy;
    private final Duration staleAfter;
    private final Instant started;
    private final Instant finished;
    private final Map<Count, Long> counts;
    private final boolean bytesKnown;

    JanitorPass(
            String bucket,
            String prefix,
            StaleBy staleBy,
            Duration staleAfter,
            Instant started,
            Instant finished,
            Map<Count, Long> counts,
            boolean bytesKnown) {
        this.bucket = bucket;
        this.prefix = prefix;
        this.staleBy = staleBy;
        this.staleAfter = staleAfter;
        this.started = started;
        this.finished = finished;
        this.counts = new EnumMap<>(counts);
        this.bytesKnown = bytesKnown;
    }

    public long count(Count count) {
        return counts.getOrDefault(count, 0L);
    }

    public String bucket() {
        return bucket;
    }

    public String prefix() {
        return prefix;
    }

    public StaleBy staleBy() {
        return staleBy;
    }

    public Duration staleAfter() {
        return staleAfter;
    }

    public Instant started() {
        return started;
    }

    public Instant finished() {
        return finished;
    }

    public long listed() {
        return count(Count.LISTED);
    }

    public long stale() {
        return count(Count.STALE);
    }

    public long emitted() {
        return count(Count.EMITTED);
    }

    public long aborted() {
        return count(Count.ABORTED);
    }

    public long abortFailures() {
        return count(Count.ABORT_FAILURES);
    }

    /** Bytes in the parts of the emitted stale uploads when their parts were listed; else null. */
    public Long storedBytes() {
        return bytesKnown ? count(Count.STORED_BYTES) : null;
    }

    public long live() {
        return count(Count.LIVE);
    }

    public long active() {
        return count(Count.ACTIVE);
    }

    public long gone() {
        return count(Count.GONE);
    }

    public long deferred() {
        return count(Count.DEFERRED);
    }

    public long unjudged() {
        return count(Count.UNJUDGED);
    }

    public long failed() {
        return count(Count.FAILED);
    }

    public long inRoute() {
        return count(Count.IN_ROUTE);
    }

    public Duration duration() {
        return Duration.between(started, finished);
    }

    /**
     * Whether the pass found nothing to report: no stale upload, nothing aborted, failed, deferred or
     * left unjudged (its line is DEBUG then; an operator wants the passes that found or did something).
     */
    public boolean isQuiet() {
        return stale() == 0
                && aborted() == 0
                && abortFailures() == 0
                && failed() == 0
                && deferred() == 0
                && unjudged() == 0;
    }

    /** The pass as one log line: counts exact, sizes in human units. */
    public String summary() {
        long listed = listed();
        long emitted = emitted();
        Long storedBytes = storedBytes();
        StringBuilder sb = new StringBuilder("oss://")
                .append(bucket)
                .append('/')
                .append(prefix == null ? "" : prefix)
                .append(" janitor pass: ")
                .append(plural(listed, "upload"))
                .append(" listed, ")
                .append(stale())
                .append(" stale (")
                .append(staleBy == StaleBy.initiated ? "initiated more than " : "idle for more than ")
                .append(Durations.format(staleAfter))
                .append(staleBy == StaleBy.initiated ? " ago" : "")
                .append("), ")
                .append(emitted)
                .append(" emitted, ")
                .append(aborted())
                .append(" aborted, ")
                .append(plural(abortFailures(), "abort failure"));
        if (storedBytes != null && emitted > 0) {
            sb.append(", ").append(ByteSize.format(storedBytes)).append(" stored in stale parts");
        }
        StringBuilder skipped = new StringBuilder();
        appendCount(skipped, live(), "live in this application");
        appendCount(skipped, active(), "with recent parts");
        appendCount(skipped, gone(), "gone meanwhile");
        appendCount(skipped, deferred(), "abort deferred (janitor stopping)");
        appendCount(skipped, inRoute(), "still in the route from an earlier pass");
        appendCount(skipped, failed(), "whose exchange failed");
        appendCount(skipped, unjudged(), "not judged (ListParts failed)");
        if (skipped.length() > 0) {
            sb.append("; left alone: ").append(skipped);
        }
        return sb.append(" (").append(Durations.format(duration())).append(')').toString();
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static void appendCount(StringBuilder sb, long count, String what) {
        if (count > 0) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(count).append(' ').append(what);
        }
    }

    /** Plain values for headers, JSON or a console. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bucket", bucket);
        m.put("prefix", prefix);
        m.put("started", started.toString());
        m.put("finished", finished.toString());
        m.put("durationMillis", duration().toMillis());
        m.put("listed", listed());
        m.put("stale", stale());
        m.put("emitted", emitted());
        m.put("aborted", aborted());
        m.put("abortFailures", abortFailures());
        m.put("storedBytes", storedBytes());
        m.put("live", live());
        m.put("active", active());
        m.put("gone", gone());
        m.put("deferred", deferred());
        m.put("unjudged", unjudged());
        m.put("failed", failed());
        m.put("inRoute", inRoute());
        return m;
    }
}
