package org.ossmultipart.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Per-operation fault rules. A rule fires for matching requests a limited number of times (or
 * always); the first rule that matches and still has firings left wins.
 */
public final class FaultInjector {

    /** A registered rule; {@link #fired()} tells how often it has fired so far. */
    public static final class Rule {
        private final OssOperation operation;
        private final Predicate<RecordedRequest> condition;
        private final Fault fault;
        private final int limit;
        private final AtomicInteger fired = new AtomicInteger();

        Rule(OssOperation operation, Predicate<RecordedRequest> condition, Fault fault, int limit) {
            this.operation = operation;
            this.condition = condition;
            this.fault = fault;
            this.limit = limit;
        }

        boolean tryFire(OssOperation op, RecordedRequest request) {
            if (op != operation || !condition.test(request)) {
                return false;
            }
            while (true) {
                int n = fired.get();
                if (limit >= 0 && n >= limit) {
                    return false;
                }
                if (fired.compareAndSet(n, n + 1)) {
                    return true;
                }
            }
        }

        public int fired() {
            return fired.get();
        }

        public Fault fault() {
            return fault;
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    /** Random faults: a fraction of all requests, drawn from a seeded generator (0: none). */
    private double rate;

    private Random random = new Random(0);
    private final Map<Fault.Kind, AtomicLong> randomFired = new EnumMap<>(Fault.Kind.class);

    /**
     * Faults a fraction {@code rate} (0..1) of the requests no rule faults, at random but replayable
     * from {@code seed}: 503 ServiceUnavailable, throttling (503 with a 200 ms wait asked), a reset
     * halfway through a body, a 300 ms slow answer, or one damaged byte in a part or object body -- the
     * mix a misbehaving network and a busy service show. For soak runs; rules stay deterministic.
     */
    public synchronized void atRate(double rate, long seed) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be 0..1, was " + rate);
        }
        this.rate = rate;
        this.random = new Random(seed);
    }

    /** How many random faults of each kind have been injected. */
    public synchronized Map<Fault.Kind, Long> randomFaultsInjected() {
        Map<Fault.Kind, Long> counts = new EnumMap<>(Fault.Kind.class);
        randomFired.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    private Optional<Fault> randomFault(OssOperation operation) {
        if (rate == 0 || random.nextDouble() >= rate) {
            return Optional.empty();
        }
        boolean body = operation == OssOperation.UPLOAD_PART || operation == OssOperation.PUT_OBJECT;
        Fault fault = switch (random.nextInt(body ? 5 : 3)) {
            case 0 -> Fault.error(503, "ServiceUnavailable");
            case 1 -> Fault.throttle(Duration.ofMillis(200));
            case 2 -> Fault.delay(Duration.ofMillis(300));
            case 3 -> Fault.resetMidBody();
            default -> Fault.corruptBody();
        };
        randomFired.computeIfAbsent(fault.kind(), k -> new AtomicLong()).incrementAndGet();
        return Optional.of(fault);
    }

    /** Fault every matching request of {@code operation}, {@code times} times ({@code -1} = always). */
    public synchronized Rule inject(OssOperation operation, Fault fault, int times) {
        return inject(operation, r -> true, fault, times);
    }

    /** Fault {@code operation} once. */
    public Rule inject(OssOperation operation, Fault fault) {
        return inject(operation, fault, 1);
    }

    /** Fault only requests matching {@code condition} (e.g. a given part number). */
    public synchronized Rule inject(
            OssOperation operation, Predicate<RecordedRequest> condition, Fault fault, int times) {
        Rule rule = new Rule(operation, condition, fault, times);
        rules.add(rule);
        return rule;
    }

    public synchronized void clear() {
        rules.clear();
        rate = 0;
        randomFired.clear();
    }

    synchronized Optional<Fault> next(OssOperation operation, RecordedRequest request) {
        for (Rule rule : rules) {
            if (rule.tryFire(operation, request)) {
                return Optional.of(rule.fault);
            }
        }
        return randomFault(operation);
    }
}
