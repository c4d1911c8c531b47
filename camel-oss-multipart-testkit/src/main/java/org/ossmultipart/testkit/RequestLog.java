package org.ossmultipart.testkit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every request the server handled, in arrival order, and the peak number of requests of each
 * operation that were in flight at the same time.
 */
public final class RequestLog {

    /** A logged request whose outcome is filled in when the answer is known. */
    static final class Entry {
        private volatile RecordedRequest request;

        Entry(RecordedRequest request) {
            this.request = request;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<OssOperation, AtomicInteger> inFlight = new EnumMap<>(OssOperation.class);
    private final Map<OssOperation, Integer> peakInFlight = new EnumMap<>(OssOperation.class);
    private int inFlightTotal;
    private int peakInFlightTotal;

    RequestLog() {
        for (OssOperation op : OssOperation.values()) {
            inFlight.put(op, new AtomicInteger());
        }
    }

    synchronized Entry begin(RecordedRequest request) {
        Entry entry = new Entry(request);
        entries.add(entry);
        int now = inFlight.get(request.operation()).incrementAndGet();
        peakInFlight.merge(request.operation(), now, Math::max);
        peakInFlightTotal = Math.max(peakInFlightTotal, ++inFlightTotal);
        return entry;
    }

    synchronized void end(Entry entry, int status, String errorCode) {
        entry.request = entry.request.withOutcome(status, errorCode);
        inFlight.get(entry.request.operation()).decrementAndGet();
        inFlightTotal--;
    }

    /** A snapshot of all requests so far. */
    public synchronized List<RecordedRequest> all() {
        return entries.stream().map(e -> e.request).toList();
    }

    /** A snapshot of the requests of one operation. */
    public synchronized List<RecordedRequest> of(OssOperation operation) {
        return all().stream().filter(r -> r.operation() == operation).toList();
    }

    public synchronized long count(OssOperation operation) {
        return of(operation).size();
    }

    /** The requests of {@code operation} being handled now (received, not yet answered or dropped). */
    public synchronized int inFlight(OssOperation operation) {
        return inFlight.get(operation).get();
    }

    /** The most requests of {@code operation} that were being handled at the same moment. */
    public synchronized int peakInFlight(OssOperation operation) {
        return peakInFlight.getOrDefault(operation, 0);
    }

    /** The most requests of any kind that were being handled at the same moment (= connections in use). */
    public synchronized int peakInFlightTotal() {
        return peakInFlightTotal;
    }

    public synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Forgets all entries and peaks (requests still in flight keep being counted correctly). */
    public synchronized void clear() {
        entries.clear();
        peakInFlight.clear();
        peakInFlightTotal = inFlightTotal;
    }
}
