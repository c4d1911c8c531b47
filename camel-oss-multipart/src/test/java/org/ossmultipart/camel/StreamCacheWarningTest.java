package org.ossmultipart.camel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.converter.stream.FileInputStreamCache;
import org.apache.camel.converter.stream.InputStreamCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stream that stream caching read into the heap is worth a warning; small or spooled caches are not. */
class StreamCacheWarningTest {

    @Test
    void largeInMemoryCacheIsWarnedAboutWithTheWayOut() {
        InputStreamCache cache = new InputStreamCache(new byte[(int) BodySources.LARGE_IN_MEMORY_CACHE]);

        assertThat(BodySources.inMemoryCacheWarning(cache))
                .hasValueSatisfying(warning -> assertThat(warning)
                        .contains("in-memory stream cache of 64 MiB")
                        .contains("noStreamCaching()")
                        .contains("camel.main.stream-caching-spool-enabled=true"));
    }

    @Test
    void smallInMemoryCacheIsNot() {
        InputStreamCache cache = new InputStreamCache(new byte[(int) BodySources.LARGE_IN_MEMORY_CACHE - 1]);

        assertThat(BodySources.inMemoryCacheWarning(cache)).isEmpty();
    }

    @Test
    void cacheSpooledToDiskIsNot(@TempDir Path dir) throws Exception {
        File spooled = dir.resolve("spool.bin").toFile();
        try (var out = Files.newOutputStream(spooled.toPath())) {
            out.write(new byte[(int) BodySources.LARGE_IN_MEMORY_CACHE]);
        }
        FileInputStreamCache cache = new FileInputStreamCache(spooled);
        try {
            assertThat(cache.inMemory()).isFalse();
            assertThat(BodySources.inMemoryCacheWarning(cache)).isEmpty();
        } finally {
            cache.close();
        }
    }
}
