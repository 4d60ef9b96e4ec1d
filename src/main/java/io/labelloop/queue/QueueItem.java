package io.labelloop.queue;

/** A record to put in the labeling queue; higher priority is served first (e.g. 1 - max score). */
public record QueueItem(String recordId, double priority) {
}
