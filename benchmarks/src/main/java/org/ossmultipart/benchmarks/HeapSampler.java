package org.ossmultipart.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Samples the heap in use every few milliseconds (garbage included) and keeps the peak; also reads the peak RSS. */
final class HeapSampler implements AutoCloseable {

    /** One point of the heap-over-time series per this many milliseconds: the peak within it. */
    private static final long SERIES_STEP_MS = 250;

    private final Thread thread;
    private volatile long peakBytes;
    private final StringBuffer series = new StringBuffer();

    private HeapSampler() {
        thread = new Thread(
                () -> {
                    long start = System.nanoTime();
                    long stepStart = start;
                    long stepPeak = 0;
                    while (!Thread.currentThread().isInterrupted()) {
                        long used = ManagementFactory.getMemoryMXBean()
                                .getHeapMemoryUsage()
                                .getUsed();
                        peakBytes = Math.max(peakBytes, used);
                        stepPeak = Math.max(stepPeak, used);
                        long now = System.nanoTime();
                        if (now - stepStart >= SERIES_STEP_MS * 1_000_000) {
                            series.append(series.length() == 0 ? "" : ",")
                                    .append((now - start) / 1_000_000)
                                    .append(':')
                                    .append(stepPeak >> 20);
                            stepStart = now;
                            stepPeak = 0;
                        }
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "heap-sampler");
        thread.setDaemon(true);
    }

    static HeapSampler start() {
        HeapSampler sampler = new HeapSampler();
        sampler.thread.start();
        return sampler;
    }

    /** The heap over time: {@code ms:MiB} pairs, comma-separated (the peak of each 250 ms step). */
    String series() {
        return series.length() == 0 ? "none" : series.toString();
    }

    long peakMib() {
        return peakBytes >> 20;
    }

    @Override
    public void close() {
        thread.interrupt();
    }

    /** The process's peak resident set (VmHWM), or -1 off Linux. */
    static long peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
                }
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return -1;
    }
}
