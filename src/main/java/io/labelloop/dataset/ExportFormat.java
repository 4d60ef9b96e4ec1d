package io.labelloop.dataset;

/** Formats {@link DatasetService#export} writes. */
public enum ExportFormat {
    /** Header {@code id,text,label} then one row per record. */
    CSV,
    /** One JSON object per record: id, text, label, annotator, annotated_at, split, metadata. */
    JSONL,
    /** The JSON-lines layout HuggingFace {@code datasets.load_dataset("json")} reads: {@code {"text":..., "label":...}}. */
    HF_JSONL
}
