package org.ossmultipart.camel.oss.model;

import java.io.IOException;
import java.io.InputStream;

/**
 * An object being read: metadata and the body stream. Close it to give the connection back to the
 * pool (reading to the end is not required).
 */
public final class OssObject implements AutoCloseable {

    private final ObjectMetadata metadata;
    private final InputStream content;
    private final AutoCloseable release;

    public OssObject(ObjectMetadata metadata, InputStream content, AutoCloseable release) {
        this.metadata = metadata;
        this.content = content;
        this.release = release;
    }

    public ObjectMetadata metadata() {
        return metadata;
    }

    public InputStream content() {
        return content;
    }

    @Override
    public void close() throws IOException {
        try {
            release.close();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
