package io.labelloop.dataset;

import java.util.Locale;

/** Formats {@link DatasetService#export} writes. */
public enum ExportFormat {
    /** Header {@code id,text,label} then one row per record. */
    CSV,
    /** One JSON object per record: id, text, label, annotator, annotated_at, split, metadata. */
    JSONL,
    /** The JSON-lines layout HuggingFace {@code datasets.load_dataset("json")} reads: {@code {"text":..., "label":...}}. */
    HF_JSONL;

    /** The file name extension of a download in this format, without the dot. */
    public String fileExtension() {
        return this == CSV ? "csv" : "jsonl";
    }

    /**
     * The format a user names: {@code csv}, {@code jsonl} or {@code hf} (also {@code hf_jsonl}, {@code hf-jsonl},
     * {@code huggingface}), in any case.
     *
     * @param option named in the error, e.g. {@code --format}
     * @throws IllegalArgumentException naming the option and the accepted names
     */
    public static ExportFormat named(String name, String option) {
        return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "jsonl" -> JSONL;
            case "hf", "hf_jsonl", "hf-jsonl", "huggingface" -> HF_JSONL;
            default -> throw new IllegalArgumentException(option + " must be csv, jsonl or hf, got '" + name + "'");
        };
    }
}
