package io.labelloop.dataset;

import java.time.Instant;

/** A human label on a record: which label, who gave it and when. */
public record Annotation(String label, String annotator, Instant at) {
}
