package org.ossmultipart.testkit;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The network between client and server as the local server imitates it: a latency paid once per
 * request (a round trip before the server starts reading it) and upload bandwidth per connection and
 * in total (request bodies are read no faster). Loopback hides both; a real link to OSS has them.
 * Responses are not shaped: uploads are what this project measures.
 *
 * @param latency the wait before each request is handled (one round trip), zero for none
 * @param perConnectionBytesPerSecond the most one connection (one request at a time) carries, 0 = no limit
 * @param totalBytesPerSecond the most all connections together carry, 0 = no limit
 */
public record LinkShape(Duration latency, long perConnectionBytesPerSecond, long totalBytesPerSecond) {

    /** Loopback: no latency, no limits. */
    public static final LinkShape NONE = new LinkShape(Duration.ZERO, 0, 0);

    public LinkShape {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative() || perConnectionBytesPerSecond < 0 || totalBytesPerSecond < 0) {
            throw new IllegalArgumentException("a link shape has no negative values: " + latency + ", "
                    + perConnectionBytesPerSecond + ", " + totalBytesPerSecond);
        }
    }

    /** RTT in ms, and MiB/s per connection and in total (0 = unlimited), as the standalone flags read. */
    public static LinkShape of(long rttMillis, double perConnectionMibPerSecond, double totalMibPerSecond) {
        return new LinkShape(Duration.ofMillis(rttMillis), (long) (perConnectionMibPerSecond * 1024 * 1024), (long)
                (totalMibPerSecond * 1024 * 1024));
    }

    public boolean isShaped() {
        return !latency.isZero() || perConnectionBytesPerSecond > 0 || totalBytesPerSecond > 0;
    }

    @Override
    public String toString() {
        return isShaped()
                ? String.format(
                        Locale.ROOT,
                        "RTT %d ms, %s per connection, %s in total",
                        latency.toMillis(),
                        rate(perConnectionBytesPerSecond),
                        rate(totalBytesPerSecond))
                : "loopback (not shaped)";
    }

    private static String rate(long bytesPerSecond) {
        return bytesPerSecond == 0 ? "unlimited" : String.format(Locale.ROOT, "%.1f MiB/s", bytesPerSecond / 1048576.0);
    }
}
