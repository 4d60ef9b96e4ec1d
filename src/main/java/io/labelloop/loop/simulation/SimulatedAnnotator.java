package io.labelloop.loop.simulation;

import io.labelloop.dataset.StaleWriteException;
import io.labelloop.queue.Claim;
import io.labelloop.queue.LabelingQueueService;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Labels queued records with their true labels through the same {@link LabelingQueueService} as the web view:
 * claim the next record, label it, repeat.
 */
public final class SimulatedAnnotator {

    /** The annotator name stored with each label. */
    public static final String NAME = "simulated-annotator";
    private static final long POLL_MILLIS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedAnnotator.class);

    private final LabelingQueueService queue;
    private final String dataset;
    private final Map<String, String> truth;

    /**
     * @param truth the true label of each record id
     */
    public SimulatedAnnotator(LabelingQueueService queue, String dataset, Map<String, String> truth) {
        this.queue = queue;
        this.dataset = dataset;
        this.truth = Map.copyOf(truth);
    }

    /**
     * Labels up to {@code count} records, waiting for the queue to fill when it is empty.
     *
     * @return how many were labeled; fewer than asked when the queue stayed empty for {@code patience}
     */
    public int label(int count, Duration patience) throws InterruptedException {
        int labeled = 0;
        long idleSince = System.currentTimeMillis();
        while (labeled < count) {
            Optional<Claim> claim = queue.claimNext(dataset, NAME);
            if (claim.isEmpty()) {
                if (System.currentTimeMillis() - idleSince > patience.toMillis()) {
                    break;
                }
                Thread.sleep(POLL_MILLIS);
                continue;
            }
            String label = truth.get(claim.get().recordId());
            if (label == null) {
                throw new IllegalStateException("record " + claim.get().recordId() + " has no true label in the data");
            }
            try {
                queue.label(claim.get(), label);
                labeled++;
            } catch (StaleWriteException e) {
                // As in the web view: a claim lost to a refill or an expired lease is refused, never applied;
                // the annotator moves on to the next record.
                LOG.info("simulated annotator: {}", e.getMessage());
            }
            idleSince = System.currentTimeMillis();
        }
        return labeled;
    }
}
