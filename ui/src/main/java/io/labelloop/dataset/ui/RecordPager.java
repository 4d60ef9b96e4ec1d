package io.labelloop.dataset.ui;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.RecordPage;
import io.labelloop.dataset.RecordQuery;
import io.labelloop.dataset.TextRecord;

/**
 * Serves a grid's offset/limit requests from the store's search_after cursors. Cursors seen are kept by
 * offset, so scrolling on reads one page; a jump far ahead walks there in large pages once and remembers
 * the way.
 */
final class RecordPager {

    /** Largest page the store accepts; used to walk to a far offset. */
    static final int WALK_PAGE = 10_000;

    private final DatasetService datasets;
    private final String dataset;
    private final RecordQuery query;
    private final TreeMap<Integer, String> cursors = new TreeMap<>();

    RecordPager(DatasetService datasets, String dataset, RecordQuery query) {
        this.datasets = datasets;
        this.dataset = dataset;
        this.query = query;
        cursors.put(0, null);
    }

    List<TextRecord> fetch(int offset, int limit) {
        Map.Entry<Integer, String> known = cursors.floorEntry(offset);
        int position = known.getKey();
        String cursor = known.getValue();
        while (position < offset) {
            int step = Math.min(offset - position, WALK_PAGE);
            RecordPage walked = datasets.search(dataset, query, step, cursor);
            if (walked.next() == null) {
                return List.of();
            }
            position += step;
            cursor = walked.next();
            cursors.put(position, cursor);
        }
        RecordPage page = datasets.search(dataset, query, limit, cursor);
        if (page.next() != null) {
            cursors.put(offset + page.records().size(), page.next());
        }
        return page.records();
    }

    long count() {
        return datasets.count(dataset, query);
    }
}
