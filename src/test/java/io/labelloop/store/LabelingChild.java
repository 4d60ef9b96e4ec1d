package io.labelloop.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.labelloop.dataset.DatasetProperties;
import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.TextRecord;
import io.labelloop.queue.Claim;
import io.labelloop.queue.LabelingQueueService;
import io.labelloop.queue.QueueItem;
import io.labelloop.queue.QueueProperties;

/**
 * The child JVM of {@link DurabilityTest}: labels records as fast as it can and prints {@code ACK <id> <label>}
 * right after each label call returns, until it is killed.
 */
public final class LabelingChild {

    static final String DATASET = "crash";
    static final List<String> LABELS = List.of("negative", "neutral", "positive");

    private LabelingChild() {
    }

    public static void main(String[] args) {
        OpenSearchStore store = OpenSearchStore.open(OpenSearchProperties.embeddedAt(Path.of(args[0])));
        DatasetService datasets = new DatasetService(store, DatasetProperties.defaults());
        int records = Integer.parseInt(args[1]);
        datasets.create(DATASET, LABELS);
        List<TextRecord> logged = new ArrayList<>();
        List<QueueItem> items = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            logged.add(TextRecord.of("c" + i, "text " + i, Map.of()));
            items.add(new QueueItem("c" + i, records - i));
        }
        datasets.log(DATASET, logged);
        LabelingQueueService queue = new LabelingQueueService(store, datasets, QueueProperties.defaults());
        queue.fill(DATASET, items);
        System.out.println("READY");
        int n = 0;
        for (Optional<Claim> c = queue.claimNext(DATASET, "child"); c.isPresent(); c = queue.claimNext(DATASET, "child")) {
            String label = LABELS.get(n++ % LABELS.size());
            queue.label(c.get(), label);
            System.out.println("ACK " + c.get().recordId() + " " + label);
            System.out.flush();
        }
        System.out.println("DONE");
    }
}
