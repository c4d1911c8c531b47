package org.ossmultipart.camel.oss.internal;

import java.io.InputStream;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * A request body of known length that writes itself again on every attempt (retries re-send it) and
 * holds nothing between writes: the bytes stay where they are (a file, part-buffer chunks).
 */
abstract class RepeatableBodyEntity extends AbstractHttpEntity {

    private final long length;

    RepeatableBodyEntity(long length) {
        // no ContentType: HttpClient would add an unsigned Content-Type header
        super((String) null, null, false);
        this.length = length;
    }

    @Override
    public final long getContentLength() {
        return length;
    }

    @Override
    public final boolean isRepeatable() {
        return true;
    }

    @Override
    public final boolean isStreaming() {
        return false;
    }

    @Override
    public final InputStream getContent() {
        throw new UnsupportedOperationException("sent with writeTo");
    }

    @Override
    public final void close() {
        // nothing held between writes
    }
}
