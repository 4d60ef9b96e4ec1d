package io.labelloop.stopping;

import java.time.Instant;
import java.util.List;

/**
 * A loop's stop set: records of its pool drawn once, the same for every version's comparison and on every node.
 *
 * @param loop     the loop
 * @param dataset  the dataset they belong to
 * @param seed     the seed of the draw (the loop's training seed)
 * @param ids      the records, in the order of the draw
 * @param chosenAt when they were drawn
 */
record StopSet(String loop, String dataset, long seed, List<String> ids, Instant chosenAt) {

    StopSet {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }
}
