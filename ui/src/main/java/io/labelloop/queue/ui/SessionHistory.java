package io.labelloop.queue.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The records one labeling tab decided (labeled or discarded), oldest first, and how far back the annotator went to
 * look at them. Going back and forward only moves through this list, so that a look back never takes a label away
 * and forward returns to the record the annotator came from; taking a label back is undo's job alone.
 */
final class SessionHistory {

    private final List<String> decided = new ArrayList<>();
    /** Steps back from the current record: 0 while the current (claimed) record is shown. */
    private int back;

    /** The record shown now was decided; the view goes on to the next one. */
    void decided(String recordId) {
        back = 0;
        decided.add(recordId);
    }

    /** One step back; empty when the earliest decided record is shown already (or none was decided). */
    Optional<String> back() {
        if (back >= decided.size()) {
            return Optional.empty();
        }
        back++;
        return Optional.of(shown());
    }

    /** One step forward: the next decided record, or empty once the current record is reached again. */
    Optional<String> forward() {
        if (back > 0) {
            back--;
        }
        return back == 0 ? Optional.empty() : Optional.of(shown());
    }

    /** True while a decided record is shown instead of the current one. */
    boolean lookingBack() {
        return back > 0;
    }

    /** How many steps back the shown record is. */
    int stepsBack() {
        return back;
    }

    /** The decided record shown while looking back. */
    String shown() {
        return decided.get(decided.size() - back);
    }

    /** The latest decision was undone: its record is the current one again. */
    void undone() {
        back = 0;
        if (!decided.isEmpty()) {
            decided.remove(decided.size() - 1);
        }
    }

    /** Back at the current record, e.g. before an undo. */
    void returnToCurrent() {
        back = 0;
    }
}
