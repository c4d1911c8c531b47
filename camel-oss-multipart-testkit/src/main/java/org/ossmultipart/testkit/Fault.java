package org.ossmultipart.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * What the server does instead of (or on top of) the normal handling of a request. Built with the
 * static factories and registered with {@link FaultInjector#inject}.
 */
public final class Fault {

    /** The kinds of misbehaviour the server can show. */
    public enum Kind {
        /** Answer with an OSS error (status + code) without performing the operation. */
        ERROR,
        /**
         * Answer 503 with {@code x-oss-qos-delay-time}: the milliseconds a throttled client should wait
         * before it tries again (OSS's bandwidth throttling; the header is UNVERIFIED against OSS).
         */
        THROTTLE,
        /** Read about half of the request body, then drop the connection without an answer. */
        RESET_MID_BODY,
        /** Wait before handling the request normally (to exceed a client's socket timeout). */
        DELAY,
        /** Handle normally but answer with a wrong {@code x-oss-hash-crc64ecma} header. */
        WRONG_CRC,
        /** Complete and PutObject: store the object, then answer 500 as if the response was lost. */
        COMMIT_THEN_FAIL,
        /** UploadPart only: store the part but answer with {@code ETag: ""} (as some OSS-compatible servers do). */
        BLANK_ETAG,
        /** Handle normally but answer without {@code x-oss-hash-crc64ecma} (as some OSS-compatible servers do). */
        NO_CRC,
        /** Flip one byte of the received body before checking it (a body corrupted in transit). */
        CORRUPT_BODY,
        /**
         * Hold the request until a gate opens (at most the fault's delay), then handle it normally: a
         * request "in flight" for exactly as long as a test needs, without sleeping.
         */
        HOLD
    }

    private final Kind kind;
    private final int status;
    private final String code;
    private final Duration delay;
    private final CountDownLatch gate;

    private Fault(Kind kind, int status, String code, Duration delay) {
        this(kind, status, code, delay, null);
    }

    private Fault(Kind kind, int status, String code, Duration delay, CountDownLatch gate) {
        this.kind = kind;
        this.status = status;
        this.code = code;
        this.delay = delay;
        this.gate = gate;
    }

    public static Fault error(int status, String code) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400..599, was " + status);
        }
        return new Fault(Kind.ERROR, status, Objects.requireNonNull(code, "code"), Duration.ZERO);
    }

    /** A throttled answer: 503 ServiceUnavailable asking the client to wait {@code qosDelay} first. */
    public static Fault throttle(Duration qosDelay) {
        return new Fault(Kind.THROTTLE, 503, "ServiceUnavailable", Objects.requireNonNull(qosDelay, "qosDelay"));
    }

    public static Fault resetMidBody() {
        return new Fault(Kind.RESET_MID_BODY, 0, null, Duration.ZERO);
    }

    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, 0, null, Objects.requireNonNull(delay, "delay"));
    }

    public static Fault wrongCrc() {
        return new Fault(Kind.WRONG_CRC, 0, null, Duration.ZERO);
    }

    public static Fault commitThenFail() {
        return new Fault(Kind.COMMIT_THEN_FAIL, 500, "InternalError", Duration.ZERO);
    }

    public static Fault blankETag() {
        return new Fault(Kind.BLANK_ETAG, 0, null, Duration.ZERO);
    }

    public static Fault noCrc() {
        return new Fault(Kind.NO_CRC, 0, null, Duration.ZERO);
    }

    public static Fault corruptBody() {
        return new Fault(Kind.CORRUPT_BODY, 0, null, Duration.ZERO);
    }

    /**
     * Holds each matching request until {@code gate} reaches zero, or {@code atMost} has passed (so a
     * failing test cannot hang the server), then handles it normally.
     */
    public static Fault hold(CountDownLatch gate, Duration atMost) {
        return new Fault(
                Kind.HOLD, 0, null, Objects.requireNonNull(atMost, "atMost"), Objects.requireNonNull(gate, "gate"));
    }

    /** The gate of a {@link Kind#HOLD} fault, else null. */
    public CountDownLatch gate() {
        return gate;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Duration delay() {
        return delay;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ERROR -> "error(" + status + " " + code + ")";
            case THROTTLE -> "throttle(" + delay + ")";
            case DELAY -> "delay(" + delay + ")";
            case HOLD -> "hold(at most " + delay + ")";
            default -> kind.name().toLowerCase();
        };
    }
}
