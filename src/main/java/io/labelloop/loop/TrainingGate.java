package io.labelloop.loop;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training per dataset at a time: a second trigger waits for the running one and then runs, it never
 * trains in parallel on the same labels. Fair, so triggers run in arrival order.
 */
final class TrainingGate {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingGate.class);

    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    <T> T exclusive(String dataset, Supplier<T> training) {
        ReentrantLock lock = locks.computeIfAbsent(dataset, d -> new ReentrantLock(true));
        if (lock.isLocked() && !lock.isHeldByCurrentThread()) {
            LOG.info("A training of dataset '{}' is running; this trigger waits for it", dataset);
        }
        lock.lock();
        try {
            return training.get();
        } finally {
            lock.unlock();
        }
    }

    /** Whether a training of the dataset runs right now. */
    boolean isTraining(String dataset) {
        ReentrantLock lock = locks.get(dataset);
        return lock != null && lock.isLocked();
    }
}
