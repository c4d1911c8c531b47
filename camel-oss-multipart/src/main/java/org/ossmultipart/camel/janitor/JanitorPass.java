package org.ossmultipart.camel.janitor;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ossmultipart.camel.units.ByteSize;
import org.ossmultipart.camel.units.Durations;

/**
 * The totals of one completed janitor pass: one walk over every page of ListMultipartUploads and the
 * exchanges it emitted, all finished.
 *
 * @param listed        uploads the listing returned (under the prefix)
 * @param stale         uploads judged stale (emitted, or still held by the route from an earlier pass)
 * @param emitted       exchanges emitted for stale uploads in this pass
 * @param aborted       stale uploads aborted after their exchange succeeded
 * @param abortFailures aborts the server refused (tried again by the next pass)
 * @param storedBytes   bytes held by the parts of the emitted stale uploads, when their parts were listed; else null
 * @param live          uploads skipped because a producer of this application is running them
 * @param active        uploads initiated before the threshold but with a part stored since (not stale)
 * @param gone          uploads completed or aborted by someone else between listing and judging or aborting
 * @param deferred      stale uploads not aborted because the janitor was stopping (the next leader's pass does it)
 * @param unjudged      uploads past the threshold whose parts could not be listed (e.g. no oss:ListParts permission)
 * @param failed        emitted exchanges that failed: their uploads are left for the next pass
 * @param inRoute       stale uploads not emitted again because a route still processes them from an earlier pass
 */
public record JanitorPass(
        String bucket,
        String prefix,
        StaleBy staleBy,
        Duration staleAfter,
        Instant started,
        Instant finished,
        long listed,
        long stale,
        long emitted,
        long aborted,
        long abortFailures,
        Long storedBytes,
        long live,
        long active,
        long gone,
        long deferred,
        long unjudged,
        long failed,
        long inRoute) {

    public Duration duration() {
        return Duration.between(started, finished);
    }

    /** The pass as one log line: counts exact, sizes in human units. */
    public String summary() {
        StringBuilder sb = new StringBuilder("oss://")
                .append(bucket)
                .append('/')
                .append(prefix == null ? "" : prefix)
                .append(" janitor pass: ")
                .append(count(listed, "upload"))
                .append(" listed, ")
                .append(stale)
                .append(" stale (")
                .append(staleBy == StaleBy.initiated ? "initiated more than " : "idle for more than ")
                .append(Durations.format(staleAfter))
                .append(staleBy == StaleBy.initiated ? " ago" : "")
                .append("), ")
                .append(emitted)
                .append(" emitted, ")
                .append(aborted)
                .append(" aborted, ")
                .append(count(abortFailures, "abort failure"));
        if (storedBytes != null && emitted > 0) {
            sb.append(", ").append(ByteSize.format(storedBytes)).append(" stored in stale parts");
        }
        StringBuilder skipped = new StringBuilder();
        appendCount(skipped, live, "live in this application");
        appendCount(skipped, active, "with recent parts");
        appendCount(skipped, gone, "gone meanwhile");
        appendCount(skipped, deferred, "abort deferred (janitor stopping)");
        appendCount(skipped, inRoute, "still in the route from an earlier pass");
        appendCount(skipped, failed, "whose exchange failed");
        appendCount(skipped, unjudged, "not judged (ListParts failed)");
        if (skipped.length() > 0) {
            sb.append("; left alone: ").append(skipped);
        }
        return sb.append(" (").append(Durations.format(duration())).append(')').toString();
    }

    private static String count(long n, String noun) {
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
        m.put("listed", listed);
        m.put("stale", stale);
        m.put("emitted", emitted);
        m.put("aborted", aborted);
        m.put("abortFailures", abortFailures);
        m.put("storedBytes", storedBytes);
        m.put("live", live);
        m.put("active", active);
        m.put("gone", gone);
        m.put("deferred", deferred);
        m.put("unjudged", unjudged);
        m.put("failed", failed);
        m.put("inRoute", inRoute);
        return m;
    }
}
