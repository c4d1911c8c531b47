package org.ossmultipart.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Samples the heap in use every few milliseconds (garbage included) and keeps the peak; also reads the peak RSS. */
final class HeapSampler implements AutoCloseable {

    private final Thread thread;
    private volatile long peakBytes;

    private HeapSampler() {
        thread = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peakBytes = Math.max(
                                peakBytes,
                                ManagementFactory.getMemoryMXBean()
                                        .getHeapMemoryUsage()
                                        .getUsed());
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
