package io.labelloop.model.infer;

import ai.djl.engine.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Engine settings that PyTorch reads once per JVM, when the engine starts. */
public final class EngineSetup {

    private static final Logger LOG = LoggerFactory.getLogger(EngineSetup.class);
    private static final String THREADS = "ai.djl.pytorch.num_threads";
    private static final String INTEROP = "ai.djl.pytorch.num_interop_threads";

    private EngineSetup() {
    }

    public static synchronized void configure(int threads, int interopThreads) {
        // Guards against model-zoo look-ups: everything this runtime needs ships in jars.
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        set(THREADS, threads);
        set(INTEROP, interopThreads);
        Engine engine = Engine.getEngine("PyTorch");
        LOG.debug("engine {} {} started", engine.getEngineName(), engine.getVersion());
    }

    private static void set(String property, int value) {
        if (value <= 0) {
            return;
        }
        String previous = System.getProperty(property);
        if (previous != null && !previous.equals(String.valueOf(value))) {
            LOG.warn("{} is already {} in this JVM; the engine keeps the value it started with, not {}", property, previous, value);
            return;
        }
        System.setProperty(property, String.valueOf(value));
    }
}
