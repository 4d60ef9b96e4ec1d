package io.labelloop.dataset;

import java.util.List;

/**
 * One page of a search.
 *
 * @param records the records of this page
 * @param total   all records matching the query
 * @param next    cursor for the following page ({@code searchAfter}), null on the last page
 */
public record RecordPage(List<TextRecord> records, long total, String next) {

    public RecordPage {
        records = List.copyOf(records);
    }
}
