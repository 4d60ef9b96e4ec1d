package io.labelloop.dataset;

/** Orders of a record search; ties are broken by id so that paging is stable. */
public enum RecordSort {
    /** Least confident first: the order a labeling queue wants. */
    SCORE_ASC,
    SCORE_DESC,
    ID,
    /** Most recently changed first. */
    UPDATED_DESC
}
