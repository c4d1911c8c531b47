package org.ossmultipart.camel.upload;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The uploads of one uploader as an operator sees them: those running now, each read live, and the
 * last {@value #FINISHED} that ended. For consoles; cheap for the uploads (a map entry each).
 */
public final class UploadBoard {

    static final int FINISHED = 20;

    private final Map<Object, Supplier<UploadSnapshot>> running = new ConcurrentHashMap<>();
    private final Deque<UploadSnapshot> finished = new ArrayDeque<>();

    void started(Object run, Supplier<UploadSnapshot> snapshot) {
        running.put(run, snapshot);
    }

    void ended(Object run, UploadSnapshot last) {
        running.remove(run);
        synchronized (finished) {
            finished.addFirst(last);
            while (finished.size() > FINISHED) {
                finished.removeLast();
            }
        }
    }

    /** Running uploads, oldest first. */
    public List<UploadSnapshot> running() {
        List<UploadSnapshot> list = new ArrayList<>();
        running.values().forEach(s -> list.add(s.get()));
        list.sort((a, b) -> a.started().compareTo(b.started()));
        return list;
    }

    /** Bytes the running uploads hold in part buffers now. */
    public long bufferedBytes() {
        long total = 0;
        for (Supplier<UploadSnapshot> s : running.values()) {
            total += s.get().progress().bufferedBytes();
        }
        return total;
    }

    /** Finished uploads, newest first. */
    public List<UploadSnapshot> finished() {
        synchronized (finished) {
            return List.copyOf(finished);
        }
    }
}
