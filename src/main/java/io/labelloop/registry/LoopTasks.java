package io.labelloop.registry;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.labelloop.store.Documents;
import io.labelloop.store.OpenSearchStore;
import io.labelloop.store.Stored;

/**
 * A loop's run state in OpenSearch ({@code labelloop-loop-tasks}, one document per loop): whether a pause was
 * asked for, and the checkpoint of its long task (a re-score), so that a paused or interrupted task continues where
 * it stopped on any node, after a resume or a restart. Each write changes only its own fields, so a pause request
 * and a checkpoint written at the same time do not undo each other. It reaches OpenSearch through the store's documents.
 */
@Service
public class LoopTasks {

    private static final int CONFLICT_RETRIES = 5;

    /** Where a loop's long task stands. */
    public enum State { RUNNING, PAUSED, DONE }

    /**
     * A loop's stored run state.
     *
     * @param loop           the loop
     * @param pauseRequested a pause was asked for and not yet resumed
     * @param task           the long task, e.g. {@code score}; null if none ran
     * @param version        the model version it works for
     * @param total          units to do
     * @param done           units done at the last checkpoint
     * @param state          RUNNING (also when a restart interrupted it), PAUSED or DONE
     * @param updatedAt      the last write
     */
    public record Task(String loop, boolean pauseRequested, String task, String version, long total, long done,
                       State state, Instant updatedAt) {

        /** True when this is the checkpoint of {@code task} for {@code version}, finished or not. */
        public boolean isFor(String task, String version) {
            return task.equals(this.task) && version.equals(this.version);
        }

        /** True when this is an unfinished {@code task} for {@code version}: it continues instead of starting over. */
        public boolean unfinished(String task, String version) {
            return task.equals(this.task) && version.equals(this.version) && state != State.DONE;
        }
    }

    private final Documents documents;
    private final String index;

    public LoopTasks(OpenSearchStore store) {
        this.documents = store.documents();
        this.index = store.index("loop-tasks");
        store.ensureIndex(index);
    }

    /** The loop's run state; empty if it was never paused nor ran a long task. */
    public Optional<Task> find(String loop) {
        return documents.get(index, loop, Task.class).map(Stored::source);
    }

    /** True while a pause of the loop is asked for (checked by long tasks at each safe point). */
    public boolean pauseRequested(String loop) {
        return find(loop).map(Task::pauseRequested).orElse(false);
    }

    /** Asks the loop to pause (true) or lets it run again (false). */
    public void requestPause(String loop, boolean pause) {
        write(loop, Map.of("pauseRequested", pause));
    }

    /** A long task starts (or continues) with {@code done} of {@code total} units already done. */
    public void started(String loop, String task, String version, long total, long done) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("task", task);
        fields.put("version", version);
        fields.put("total", total);
        fields.put("done", done);
        fields.put("state", State.RUNNING.name());
        write(loop, fields);
    }

    /** A checkpoint of the running task. */
    public void progressed(String loop, long done) {
        write(loop, Map.of("done", done));
    }

    /** The task stopped at a safe point because of a pause; it continues from {@code done}. */
    public void paused(String loop, long done) {
        write(loop, Map.of("done", done, "state", State.PAUSED.name()));
    }

    /** The task finished. */
    public void finished(String loop, long done) {
        write(loop, Map.of("done", done, "state", State.DONE.name()));
    }

    private void write(String loop, Map<String, Object> fields) {
        Map<String, Object> doc = new HashMap<>(fields);
        doc.put("loop", loop);
        doc.put("updatedAt", Instant.now().toString());
        documents.upsert(index, loop, doc, CONFLICT_RETRIES);
    }
}
