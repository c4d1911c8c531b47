package org.ossmultipart.testkit.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The index of a data directory: every change of buckets, objects and uploads appended as one line,
 * so that a restarted server (even one killed with -9: a torn last line is skipped) finds its objects,
 * its in-progress uploads and their parts again. Without a data directory there is nothing to keep.
 */
public class Journal {

    static final String FILE = "index.journal";

    /** The journal of a server that keeps nothing on disk. */
    public static final Journal NONE = new Journal();

    private Journal() {}

    /** Appends to {@code directory}'s journal. */
    public static Journal in(Path directory) {
        return new FileJournal(directory.resolve(FILE));
    }

    void bucket(String name) {}

    void put(String bucket, StoredObject o) {}

    void delete(String bucket, String key) {}

    void initiate(Upload u) {}

    void part(String bucket, String uploadId, StoredPart p) {}

    void complete(String bucket, String uploadId, StoredObject o, List<Integer> partNumbers) {}

    void abort(String bucket, String uploadId) {}

    void clear() {}

    /** Starts the journal afresh (after a restore: what it held is now the store's state). */
    void restart() {}

    private static final class FileJournal extends Journal {
        private final Path file;
        private BufferedWriter out;

        FileJournal(Path file) {
            this.file = file;
        }

        private synchronized void append(String... fields) {
            StringJoiner line = new StringJoiner("\t");
            for (String f : fields) {
                line.add(f == null ? "n" : "v" + Encoding.encode(f, false));
            }
            try {
                if (out == null) {
                    out = Files.newBufferedWriter(
                            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                out.write(line.toString());
                out.write('\n');
                out.flush(); // in the OS's hands: a killed process loses nothing
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the index journal " + file, e);
            }
        }

        @Override
        void bucket(String name) {
            append("bucket", name);
        }

        @Override
        void put(String bucket, StoredObject o) {
            StringJoiner segments = new StringJoiner(",");
            o.segments().forEach(b -> segments.add(b.id() + ":" + b.size()));
            append(
                    "put",
                    bucket,
                    o.key(),
                    segments.toString(),
                    Long.toString(o.size()),
                    o.etag(),
                    Long.toString(o.crc64()),
                    o.storageClass(),
                    o.serverSideEncryption(),
                    o.acl(),
                    o.lastModified().toString(),
                    Boolean.toString(o.multipart()),
                    headers(o.headers()));
        }

        @Override
        void delete(String bucket, String key) {
            append("delete", bucket, key);
        }

        @Override
        void initiate(Upload u) {
            append(
                    "initiate",
                    u.bucket,
                    u.key,
                    u.uploadId,
                    u.initiated.toString(),
                    u.storageClass,
                    u.serverSideEncryption,
                    Boolean.toString(u.forbidOverwrite),
                    headers(u.headers));
        }

        @Override
        void part(String bucket, String uploadId, StoredPart p) {
            append(
                    "part",
                    bucket,
                    uploadId,
                    Integer.toString(p.number()),
                    p.blob().id(),
                    Long.toString(p.size()),
                    p.md5Hex(),
                    Long.toString(p.crc64()),
                    p.lastModified().toString());
        }

        @Override
        void complete(String bucket, String uploadId, StoredObject o, List<Integer> partNumbers) {
            StringJoiner numbers = new StringJoiner(",");
            partNumbers.forEach(n -> numbers.add(Integer.toString(n)));
            append(
                    "complete",
                    bucket,
                    uploadId,
                    o.etag(),
                    Long.toString(o.crc64()),
                    o.acl(),
                    o.lastModified().toString(),
                    numbers.toString());
        }

        @Override
        void abort(String bucket, String uploadId) {
            append("abort", bucket, uploadId);
        }

        @Override
        void restart() {
            clear();
        }

        @Override
        synchronized void clear() {
            try {
                if (out != null) {
                    out.close();
                    out = null;
                }
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clear the index journal " + file, e);
            }
        }
    }

    // ---- encoding of the headers in one field ------------------------------------------------------

    private static String headers(ObjectHeaders h) {
        return map(List.of(
                        entry("ct", h.contentType()),
                        entry("cc", h.cacheControl()),
                        entry("cd", h.contentDisposition()),
                        entry("ce", h.contentEncoding()),
                        entry("ex", h.expires())))
                + "|" + map(prefixed(h.userMetadata())) + "|" + map(prefixed(h.tags()));
    }

    private static Map.Entry<String, String> entry(String k, String v) {
        return new java.util.AbstractMap.SimpleEntry<>(k, v);
    }

    private static List<Map.Entry<String, String>> prefixed(Map<String, String> m) {
        List<Map.Entry<String, String>> l = new ArrayList<>();
        m.forEach((k, v) -> l.add(entry(k, v)));
        return l;
    }

    private static String map(List<Map.Entry<String, String>> entries) {
        StringJoiner j = new StringJoiner("&");
        for (Map.Entry<String, String> e : entries) {
            if (e.getValue() != null) {
                j.add(Encoding.encode(e.getKey(), false) + "=" + Encoding.encode(e.getValue(), false));
            }
        }
        return j.toString();
    }

    private static Map<String, String> unmap(String s) {
        Map<String, String> m = new LinkedHashMap<>();
        if (!s.isEmpty()) {
            for (String pair : s.split("&")) {
                int eq = pair.indexOf('=');
                m.put(Encoding.decode(pair.substring(0, eq)), Encoding.decode(pair.substring(eq + 1)));
            }
        }
        return m;
    }

    static ObjectHeaders headersOf(String field) {
        String[] parts = field.split("\\|", -1);
        Map<String, String> std = unmap(parts[0]);
        return new ObjectHeaders(
                std.get("ct"),
                std.get("cc"),
                std.get("cd"),
                std.get("ce"),
                std.get("ex"),
                Collections.unmodifiableMap(unmap(parts[1])),
                Collections.unmodifiableMap(unmap(parts[2])));
    }

    // ---- reading ----------------------------------------------------------------------------------

    /** The journal's lines as fields (decoded; null where null was written); a torn last line is left out. */
    public static List<String[]> read(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        List<String[]> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n'); // what follows the last newline was cut off by a kill
        for (String line : text.substring(0, end + 1).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] raw = line.split("\t", -1);
            String[] fields = new String[raw.length];
            for (int i = 0; i < raw.length; i++) {
                fields[i] = raw[i].startsWith("v") ? Encoding.decode(raw[i].substring(1)) : null;
            }
            lines.add(fields);
        }
        return lines;
    }

    static Instant instant(String s) {
        return Instant.parse(s);
    }
}
