package io.labelloop.component;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/**
 * Options of a {@code labelloop:} endpoint. Every option left unset falls back to the loop's file in
 * {@code config/loops/}, so a route only states what differs from it.
 */
@UriParams
public class LabelloopConfiguration implements Cloneable {

    @UriPath
    @Metadata(required = true)
    private String loop;
    @UriParam(label = "producer", enums = "import,score,select,train,evaluate,promote,export")
    private LabelloopOperation operation;
    @UriParam(label = "consumer", enums = "labels,queue-low")
    private LabelloopTrigger trigger;
    @UriParam(label = "consumer")
    private Integer threshold;
    @UriParam(label = "consumer")
    private Long debounce;
    @UriParam(label = "producer", enums = "least-confidence,margin,entropy,random")
    private String strategy;
    @UriParam(label = "producer")
    private Double minScore;
    @UriParam(label = "producer")
    private Double maxScore;
    @UriParam(label = "producer")
    private Integer batchSize;
    @UriParam(label = "producer")
    private Boolean diversity;
    @UriParam(label = "producer")
    private Integer warmStartRandom;
    @UriParam(label = "producer", enums = "full,head")
    private String trainMode;
    @UriParam(label = "producer")
    private Long seed;
    @UriParam(label = "producer", enums = "always,if-better,manual")
    private String promotePolicy;
    @UriParam(label = "producer", enums = "accuracy,macro_f1")
    private String metric;
    @UriParam(label = "producer")
    private String file;
    @UriParam(label = "producer", defaultValue = "csv", enums = "csv,jsonl,hf")
    private String format = "csv";
    @UriParam(label = "producer", defaultValue = "text")
    private String textColumn = "text";
    @UriParam(label = "producer")
    private String labelColumn;
    @UriParam(label = "producer")
    private Double evalFraction;

    /** The loop's name, which selects its file in config/loops/. */
    public String getLoop() {
        return loop;
    }

    public void setLoop(String loop) {
        this.loop = loop;
    }

    /** The step a producer runs: import, score, select, train, evaluate, promote or export. */
    public LabelloopOperation getOperation() {
        return operation;
    }

    public void setOperation(LabelloopOperation operation) {
        this.operation = operation;
    }

    /** What a consumer waits for: labels (enough new labels since the last training) or queue-low. */
    public LabelloopTrigger getTrigger() {
        return trigger;
    }

    public void setTrigger(LabelloopTrigger trigger) {
        this.trigger = trigger;
    }

    /** New labels that fire the labels consumer, or the queue depth below which queue-low fires; must be above 0. */
    public Integer getThreshold() {
        return threshold;
    }

    public void setThreshold(Integer threshold) {
        this.threshold = threshold;
    }

    /** Milliseconds without a new label before the labels consumer fires, so a burst of labels triggers once. */
    public Long getDebounce() {
        return debounce;
    }

    public void setDebounce(Long debounce) {
        this.debounce = debounce;
    }

    /** How select ranks scored records: least-confidence, margin, entropy or random. */
    public String getStrategy() {
        return strategy;
    }

    public void setStrategy(String strategy) {
        this.strategy = strategy;
    }

    /** Lower bound (inclusive) of the max-score window that select picks from. */
    public Double getMinScore() {
        return minScore;
    }

    public void setMinScore(Double minScore) {
        this.minScore = minScore;
    }

    /** Upper bound (inclusive) of the max-score window that select picks from. */
    public Double getMaxScore() {
        return maxScore;
    }

    public void setMaxScore(Double maxScore) {
        this.maxScore = maxScore;
    }

    /** How many records one select step puts into the queue. */
    public Integer getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(Integer batchSize) {
        this.batchSize = batchSize;
    }

    /** Whether select avoids near-duplicate records within one batch. */
    public Boolean getDiversity() {
        return diversity;
    }

    public void setDiversity(Boolean diversity) {
        this.diversity = diversity;
    }

    /** How many of the first labels select picks at random before the strategy takes over. */
    public Integer getWarmStartRandom() {
        return warmStartRandom;
    }

    public void setWarmStartRandom(Integer warmStartRandom) {
        this.warmStartRandom = warmStartRandom;
    }

    /** What train updates: full (encoder and head) or head (the head on frozen embeddings). */
    public String getTrainMode() {
        return trainMode;
    }

    public void setTrainMode(String trainMode) {
        this.trainMode = trainMode;
    }

    /** Seed for training and random selection, so a loop run can be repeated. */
    public Long getSeed() {
        return seed;
    }

    public void setSeed(Long seed) {
        this.seed = seed;
    }

    /** When promote makes a trained version serve: always, if-better or manual. */
    public String getPromotePolicy() {
        return promotePolicy;
    }

    public void setPromotePolicy(String promotePolicy) {
        this.promotePolicy = promotePolicy;
    }

    /** The metric that if-better compares: accuracy or macro_f1. */
    public String getMetric() {
        return metric;
    }

    public void setMetric(String metric) {
        this.metric = metric;
    }

    /** The file import reads or export writes, relative to the Labelloop home unless absolute. */
    public String getFile() {
        return file;
    }

    public void setFile(String file) {
        this.file = file;
    }

    /** The file format of export: csv, jsonl or hf (HuggingFace datasets JSON lines). */
    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    /** The column that holds the text when importing. */
    public String getTextColumn() {
        return textColumn;
    }

    public void setTextColumn(String textColumn) {
        this.textColumn = textColumn;
    }

    /** The column whose value, when present, becomes a validated label on import. */
    public String getLabelColumn() {
        return labelColumn;
    }

    public void setLabelColumn(String labelColumn) {
        this.labelColumn = labelColumn;
    }

    /** Share of imported records held out in the eval split, between 0 and 1. */
    public Double getEvalFraction() {
        return evalFraction;
    }

    public void setEvalFraction(Double evalFraction) {
        this.evalFraction = evalFraction;
    }

    /** A copy, so that each endpoint changes its own options, never the component's defaults. */
    public LabelloopConfiguration copy() {
        try {
            return (LabelloopConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
