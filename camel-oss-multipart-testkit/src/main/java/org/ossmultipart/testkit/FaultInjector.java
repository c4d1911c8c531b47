package org.ossmultipart.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
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
    }

    synchronized Optional<Fault> next(OssOperation operation, RecordedRequest request) {
        for (Rule rule : rules) {
            if (rule.tryFire(operation, request)) {
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }
}
