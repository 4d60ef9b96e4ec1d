package io.labelloop.component;

import org.apache.camel.spi.Metadata;

/** Exchange headers that the {@code labelloop:} component reads and writes, so routes can branch on them. */
public final class LabelloopConstants {

    @Metadata(label = "producer", description = "The operation to run, overriding the endpoint's operation option.",
            javaType = "String")
    public static final String OPERATION = "LabelloopOperation";
    @Metadata(description = "The loop the exchange belongs to.", javaType = "String")
    public static final String LOOP = "LabelloopLoop";
    @Metadata(description = "The dataset (OpenSearch index) of the loop.", javaType = "String")
    public static final String DATASET = "LabelloopDataset";
    @Metadata(description = "The model version the step produced or used; evaluate and promote read it as "
            + "the version to act on.", javaType = "String")
    public static final String MODEL_VERSION = "LabelloopModelVersion";
    @Metadata(label = "producer", description = "Accuracy of the evaluated version on the eval split.",
            javaType = "Double")
    public static final String ACCURACY = "LabelloopAccuracy";
    @Metadata(label = "producer", description = "Macro-averaged F1 of the evaluated version on the eval split.",
            javaType = "Double")
    public static final String MACRO_F1 = "LabelloopMacroF1";
    @Metadata(label = "producer", description = "Records the step handled: imported, scored, queued, trained on, "
            + "evaluated or exported.", javaType = "Long")
    public static final String RECORD_COUNT = "LabelloopRecordCount";
    @Metadata(label = "producer", description = "Wall-clock seconds the step took.", javaType = "Double")
    public static final String DURATION_SECONDS = "LabelloopDurationSeconds";
    @Metadata(label = "producer", description = "Whether promote made the version serve.", javaType = "Boolean")
    public static final String PROMOTED = "LabelloopPromoted";
    @Metadata(label = "producer", description = "Why promote did or did not promote.", javaType = "String")
    public static final String PROMOTE_REASON = "LabelloopPromoteReason";
    @Metadata(label = "producer", description = "True when the score window held fewer records than the batch "
            + "and the next most uncertain records filled it.", javaType = "Boolean")
    public static final String FILLED_BEYOND_WINDOW = "LabelloopFilledBeyondWindow";
    @Metadata(label = "consumer", description = "New validated labels since the last training when the labels "
            + "consumer fired.", javaType = "Long")
    public static final String NEW_LABELS = "LabelloopNewLabels";
    @Metadata(label = "consumer", description = "Queue depth when the queue-low consumer fired.", javaType = "Long")
    public static final String QUEUE_DEPTH = "LabelloopQueueDepth";
    @Metadata(label = "consumer", description = "The trigger that fired: labels or queue-low.", javaType = "String")
    public static final String TRIGGER = "LabelloopTrigger";

    @Metadata(label = "producer", description = "True when a pause of the loop stopped the step at a safe point: the "
            + "exchange ends there as a paused run (not a failure) and the step continues on resume.", javaType = "Boolean")
    public static final String PAUSED = "LabelloopPaused";

    private LabelloopConstants() {
    }
}
