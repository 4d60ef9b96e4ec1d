package io.labelloop.queue;

/**
 * Sizes of a dataset's queue.
 *
 * @param pending waiting for an annotator (including claims whose lease ran out)
 * @param claimed held by an annotator right now
 * @param done    labeled or discarded since the last fill
 */
public record QueueStats(long pending, long claimed, long done) {
}
