package io.labelloop.model.query;

import java.util.List;

/**
 * The records picked for labelling.
 *
 * @param ids the picked record ids, most useful first
 * @param outsideWindow how many of them come from outside the score window because the window held fewer
 *     candidates than the batch size (they are the next most uncertain)
 * @param skippedNearDuplicates how many candidates were passed over as near-duplicates of a pick
 */
public record QuerySelection(List<String> ids, int outsideWindow, int skippedNearDuplicates) {

    /** Copies the id list. */
    public QuerySelection {
        ids = List.copyOf(ids);
    }

    /** True when some picks had to come from outside the score window. */
    public boolean filledFromOutsideWindow() {
        return outsideWindow > 0;
    }
}
