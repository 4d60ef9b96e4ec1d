package io.labelloop.dataset;

/** Which side of the train/evaluation split a record is on; fixed per record id for the dataset's lifetime. */
public enum Split {
    TRAIN, EVAL
}
