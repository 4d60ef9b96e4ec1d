package io.labelloop.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded OpenSearch node for the whole test JVM (starting one costs seconds), in a fresh temp directory.
 * Tests isolate themselves with their own dataset names ({@link #uniqueName}).
 */
public final class StoreFixture {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static OpenSearchStore shared;

    private StoreFixture() {
    }

    /** The shared store, started on first use and closed when the JVM exits. */
    public static synchronized OpenSearchStore store() {
        if (shared == null) {
            shared = OpenSearchStore.open(OpenSearchProperties.embeddedAt(tempDir("labelloop-store-")));
            OpenSearchStore started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return shared;
    }

    /** A dataset name no other test uses. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    }

    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
