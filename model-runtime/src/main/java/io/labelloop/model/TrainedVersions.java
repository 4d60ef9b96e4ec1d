package io.labelloop.model;

import io.labelloop.model.train.Example;
import io.labelloop.model.train.ProgressListener;
import io.labelloop.model.train.Training;
import io.labelloop.model.weights.Provenance;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The name and provenance of a version that {@link ModelRuntime#train} makes. */
final class TrainedVersions {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private TrainedVersions() {
    }

    /** {@code v-<UTC time>-<the first 8 hex digits of the training ids' digest>}. */
    static String name(TrainingRequest req) {
        return "v-" + STAMP.format(Instant.now()) + "-" + Example.idsHash(req.trainExamples()).substring(0, 8);
    }

    static Provenance provenance(TrainingRequest req, String version, Evaluation evaluation, Training.Result trained) {
        Map<String, Object> hyper = new LinkedHashMap<>(req.hyperParameters());
        hyper.put("epochs_run", trained.history().size());
        hyper.put("skipped_batches", trained.history().stream().mapToInt(ProgressListener.EpochProgress::skippedBatches).sum());
        hyper.put("eval_size", req.evalExamples().size());
        TextClassifier base = req.base();
        if (base != null) {
            hyper.put("base_version", base.version());
        }
        String baseId = base != null ? base.provenance().base() : req.baseModel().sharedId();
        return new Provenance(version, baseId, "fine-tuned:" + req.mode(), req.labels(), req.trainExamples().size(),
                Example.idsHash(req.trainExamples()), hyper, evaluation == null ? Map.of() : evaluation.summary(),
                Instant.now(), trained.seconds());
    }
}
