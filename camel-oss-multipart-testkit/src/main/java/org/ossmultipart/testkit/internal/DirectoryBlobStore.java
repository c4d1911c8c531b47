package org.ossmultipart.testkit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps blobs as files in a directory, so objects larger than the heap can be stored. */
public final class DirectoryBlobStore extends BlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryBlobStore.class);

    private final Path directory;

    public DirectoryBlobStore(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + directory, e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** A blob an earlier run stored, by the id the journal knows it by. */
    public Blob existing(String id, long size) {
        return new FileBlob(directory.resolve(id), size);
    }

    /**
     * Removes the blobs nothing refers to any more -- bodies a killed server was still receiving, parts
     * and objects whose removal it had journaled but not yet carried out -- so the disk does not fill run
     * after run.
     */
    public void removeAllBut(Set<String> referenced) {
        long removed = 0;
        long bytes = 0;
        try (DirectoryStream<Path> blobs = Files.newDirectoryStream(directory, "*.blob")) {
            for (Path blob : blobs) {
                if (!referenced.contains(blob.getFileName().toString())) {
                    bytes += Files.size(blob);
                    Files.deleteIfExists(blob);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean the data directory " + directory, e);
        }
        if (removed > 0) {
            LOG.info(
                    "local OSS server: removed {} blobs ({} bytes) in {} that nothing refers to",
                    removed,
                    bytes,
                    directory);
        }
    }

    private StorageFailure failure(IOException e) {
        return new StorageFailure("cannot store the body in the data directory " + directory + ": " + e, e);
    }

    private record FileBlob(Path file, long size) implements Blob {
        @Override
        public String id() {
            return file.getFileName().toString();
        }

        @Override
        public void writeTo(OutputStream out, long offset, long length) throws IOException {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                var target = Channels.newChannel(out);
                long pos = offset;
                long end = offset + length;
                while (pos < end) {
                    long n = ch.transferTo(pos, end - pos, target);
                    if (n <= 0) {
                        // transferTo may refuse a non-file target: fall back to a buffer copy
                        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(256 * 1024, end - pos));
                        int r = ch.read(buf, pos);
                        if (r < 0) {
                            throw new IOException("blob " + file + " is shorter than recorded");
                        }
                        buf.flip();
                        target.write(buf);
                        n = r;
                    }
                    pos += n;
                }
            }
        }

        @Override
        public void delete() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // best effort: a leftover file is harmless
            }
        }
    }

    @Override
    protected Sink newSink(long expectedLength) throws IOException {
        Path file = directory.resolve(UUID.randomUUID() + ".blob");
        OutputStream out;
        try {
            out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw failure(e);
        }
        return new Sink() {
            long written;

            @Override
            public void write(byte[] buf, int off, int len) throws IOException {
                try {
                    out.write(buf, off, len);
                } catch (IOException e) {
                    throw failure(e); // e.g. No space left on device
                }
                written += len;
            }

            @Override
            public Blob finish() throws IOException {
                try {
                    out.close();
                } catch (IOException e) {
                    throw failure(e);
                }
                return new FileBlob(file, written);
            }

            @Override
            public void discard() {
                close();
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // best effort
                }
            }

            @Override
            public void close() {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // already reported by write/finish
                }
            }
        };
    }
}
