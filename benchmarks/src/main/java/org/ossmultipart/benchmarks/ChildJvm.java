package org.ossmultipart.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A child JVM on the benchmark's runtime classpath; its CPU time is read from /proc. */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final List<String> output = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
    }

    static ChildJvm start(String heap, String mainClass, String... args) throws IOException {
        return start(List.of(), heap, mainClass, args);
    }

    static ChildJvm start(List<String> jvmOptions, String heap, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.addAll(jvmOptions);
        String extra = System.getProperty("bench.childJvmArgs", "");
        if (!extra.isBlank() && !mainClass.endsWith("MemoryProbe")) {
            cmd.addAll(List.of(extra.trim().split("\\s+"))); // e.g. a JFR recording of the server
        }
        cmd.add("-cp");
        cmd.add(classpath());
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ChildJvm child = new ChildJvm(p);
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r =
                            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = r.readLine()) != null; ) {
                            synchronized (child.output) {
                                child.output.add(line);
                                child.output.notifyAll();
                            }
                        }
                    } catch (IOException ignored) {
                        // the child ended
                    }
                },
                "child-output");
        reader.setDaemon(true);
        reader.start();
        return child;
    }

    /** The benchmark module's classes and its runtime dependencies (written by the build). */
    static String classpath() throws IOException {
        Path module = Path.of(System.getProperty("bench.module", "benchmarks"));
        if (!Files.exists(module.resolve("target/runtime-classpath.txt"))) {
            module = Path.of(".");
        }
        String deps =
                Files.readString(module.resolve("target/runtime-classpath.txt")).trim();
        return module.resolve("target/classes").toAbsolutePath() + java.io.File.pathSeparator + deps;
    }

    /** Waits for an output line matching {@code test}. */
    String awaitLine(Predicate<String> test, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        int seen = 0;
        synchronized (output) {
            while (true) {
                for (; seen < output.size(); seen++) {
                    if (test.test(output.get(seen))) {
                        return output.get(seen);
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0 || !process.isAlive() && seen >= output.size()) {
                    throw new IllegalStateException(
                            "child did not print the expected line; output:\n" + String.join("\n", output));
                }
                output.wait(Math.min(left, 200));
            }
        }
    }

    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    int waitFor(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    /** CPU seconds (user + system) the child has used so far. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
        return ticks / 100.0; // USER_HZ
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
