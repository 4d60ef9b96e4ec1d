package io.labelloop.dataset;

/** Rubrix-style record status: not yet labeled, labeled by a person, or thrown out of the dataset. */
public enum RecordStatus {
    DEFAULT, VALIDATED, DISCARDED
}
