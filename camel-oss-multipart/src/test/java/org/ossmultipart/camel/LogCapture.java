package org.ossmultipart.camel;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Captures what slf4j-simple writes (it prints to System.err, looked up at each line) while still
 * passing it through. Open before the code under test logs, close in a finally block.
 */
final class LogCapture implements AutoCloseable {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream original;

    LogCapture() {
        original = System.err;
        System.setErr(new PrintStream(new TeeStream(), true, StandardCharsets.UTF_8));
    }

    /** Every line logged so far. */
    synchronized List<String> lines() {
        return Arrays.asList(captured.toString(StandardCharsets.UTF_8).split("\\R"));
    }

    /** The lines that contain every one of {@code parts}. */
    List<String> linesWith(String... parts) {
        return lines().stream()
                .filter(l -> Arrays.stream(parts).allMatch(l::contains))
                .toList();
    }

    @Override
    public void close() {
        System.setErr(original);
    }

    private final class TeeStream extends java.io.OutputStream {
        @Override
        public void write(int b) {
            synchronized (LogCapture.this) {
                captured.write(b);
            }
            original.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (LogCapture.this) {
                captured.write(b, off, len);
            }
            original.write(b, off, len);
        }
    }
}
