package org.ossmultipart.camel;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;
import org.apache.camel.support.ExchangeHelper;
import org.ossmultipart.camel.oss.model.RequestBody;
import org.ossmultipart.camel.upload.ByteArrayPartSource;
import org.ossmultipart.camel.upload.FilePartSource;
import org.ossmultipart.camel.upload.PartSource;
import org.ossmultipart.camel.upload.StreamPartSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a message body into a part source: files are read by position (parts in parallel), arrays
 * are sliced without copying, everything else is read once as a stream.
 */
final class BodySources {

    private static final Logger LOG = LoggerFactory.getLogger(BodySources.class);

    /** An in-memory stream cache at least this big was most likely a stream that Camel read into the heap. */
    static final long LARGE_IN_MEMORY_CACHE = 64L << 20;

    private static final AtomicBoolean WARNED_IN_MEMORY_CACHE = new AtomicBoolean();

    private BodySources() {}

    static PartSource from(Exchange exchange) throws IOException, NoTypeConversionAvailableException {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            throw new IllegalArgumentException("the message body is null: nothing to upload");
        }
        if (body instanceof WrappedFile<?> wrapped) { // a file: consumer's GenericFile
            Object file = wrapped.getFile();
            if (file instanceof File f) {
                return new FilePartSource(f.toPath());
            }
            body = wrapped.getBody() != null ? wrapped.getBody() : file;
        }
        if (body instanceof File f) {
            return new FilePartSource(f.toPath());
        }
        if (body instanceof Path p) {
            return new FilePartSource(p);
        }
        if (body instanceof byte[] bytes) {
            return new ByteArrayPartSource(bytes);
        }
        if (body instanceof String s) {
            return new ByteArrayPartSource(s.getBytes(charset(exchange)));
        }
        if (body instanceof StreamCache cache) {
            inMemoryCacheWarning(cache).ifPresent(warning -> {
                if (WARNED_IN_MEMORY_CACHE.compareAndSet(false, true)) {
                    LOG.warn("{} (logged once)", warning);
                } else {
                    LOG.debug(warning);
                }
            });
            cache.reset();
            long length = cache.length();
            InputStream in = body instanceof InputStream stream
                    ? stream
                    : exchange.getContext().getTypeConverter().mandatoryConvertTo(InputStream.class, exchange, body);
            return new StreamPartSource(in, length > 0 ? length : -1);
        }
        if (body instanceof InputStream in) {
            return new StreamPartSource(in, -1);
        }
        InputStream in = exchange.getContext().getTypeConverter().mandatoryConvertTo(InputStream.class, exchange, body);
        return new StreamPartSource(in, -1);
    }

    /**
     * Why a body that is a large in-memory stream cache deserves a warning: stream caching (on by
     * default, spooling off) read a stream into the heap before the producer could stream it.
     */
    static Optional<String> inMemoryCacheWarning(StreamCache cache) {
        long length = cache.length();
        if (!cache.inMemory() || length < LARGE_IN_MEMORY_CACHE) {
            return Optional.empty();
        }
        return Optional.of(
                "the body reached oss-multipart as an in-memory stream cache of " + (length >> 20) + " MiB: Camel's "
                        + "stream caching read the whole stream into the heap before the upload began. For large streams turn "
                        + "stream caching off for the route (noStreamCaching(), or camel.main.stream-caching-enabled=false) or "
                        + "let it spool to disk (camel.main.stream-caching-spool-enabled=true); the producer then reads the "
                        + "stream in bounded part buffers");
    }

    /**
     * The whole body as one part with its digests, for the uploadPart operation: a file is sent as a
     * file region (never loaded, reopened when sent), anything else as bytes.
     */
    static RequestBody singlePart(Exchange exchange, boolean md5) throws Exception {
        try (PartSource source = from(exchange)) {
            return source.whole(md5);
        }
    }

    static Charset charset(Exchange exchange) {
        String name = ExchangeHelper.getCharsetName(exchange, true);
        return Charset.forName(name);
    }
}
