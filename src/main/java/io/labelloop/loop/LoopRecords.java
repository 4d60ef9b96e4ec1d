package io.labelloop.loop;

import io.labelloop.dataset.DatasetNotFoundException;
import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.RecordQuery;
import io.labelloop.dataset.RecordStatus;
import io.labelloop.dataset.Split;
import io.labelloop.dataset.TextRecord;
import io.labelloop.model.train.Example;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** The record queries the loop steps share: labeled train and eval examples, label counts, the scoring pool. */
@Component
class LoopRecords {

    /** How an eval set drawn from the loop's own dataset is named after it. */
    static final String EVAL_SPLIT = "eval split";

    private final DatasetService datasets;

    LoopRecords(DatasetService datasets) {
        this.datasets = datasets;
    }

    DatasetService datasets() {
        return datasets;
    }

    /** Fails with the loop, its file and what to do when the loop's dataset does not exist. */
    void requireDataset(LoopConfig loop) {
        requireDataset(loop, loop.dataset());
    }

    /** Makes every write to the loop's dataset searchable, so that the next query sees the latest labels. */
    void refresh(LoopConfig loop) {
        requireDataset(loop);
        datasets.refresh(loop.dataset());
    }

    List<Example> trainExamples(LoopConfig loop) {
        refresh(loop);
        try (Stream<TextRecord> records = datasets.stream(loop.dataset(), validated().withSplit(Split.TRAIN))) {
            return records.map(LoopRecords::example).toList();
        }
    }

    /** Validated eval-split records, or every validated record of the loop's eval dataset when it names one. */
    List<Example> evalExamples(LoopConfig loop) {
        String evalDataset = loop.evalDataset();
        RecordQuery query = evalDataset == null ? validated().withSplit(Split.EVAL) : validated();
        String dataset = evalDataset == null ? loop.dataset() : evalDataset;
        requireDataset(loop, dataset);
        datasets.refresh(dataset);
        try (Stream<TextRecord> records = datasets.stream(dataset, query)) {
            return records.map(LoopRecords::example).toList();
        }
    }

    /** The name of the eval set {@link #evalExamples} reads, as the registry keeps it beside each evaluation. */
    String evalSetName(LoopConfig loop) {
        return loop.evalDataset() == null ? loop.dataset() + " " + EVAL_SPLIT : loop.evalDataset();
    }

    long trainLabels(LoopConfig loop) {
        requireDataset(loop);
        return datasets.count(loop.dataset(), validated().withSplit(Split.TRAIN));
    }

    /** Train-split labels per label; a label nobody gave yet is missing. */
    Map<String, Long> trainLabelsPerLabel(LoopConfig loop) {
        requireDataset(loop);
        return datasets.stats(loop.dataset(), validated().withSplit(Split.TRAIN)).labels();
    }

    long validatedLabels(LoopConfig loop) {
        return datasets.count(loop.dataset(), validated());
    }

    /** Records not labeled nor discarded: what scoring predicts and selection picks from. */
    private void requireDataset(LoopConfig loop, String dataset) {
        try {
            datasets.require(dataset);
        } catch (DatasetNotFoundException e) {
            throw new LoopException(loop.name(), "dataset '" + dataset + "' (from " + loop.source()
                    + ") does not exist; import records first (operation=import or ./labelloop import)", e);
        }
    }

    private static RecordQuery validated() {
        return RecordQuery.all().withStatuses(RecordStatus.VALIDATED);
    }

    private static Example example(TextRecord r) {
        return new Example(r.id(), r.text(), r.label());
    }
}
