package io.labelloop.dataset;

import java.util.List;
import java.util.Locale;

/**
 * What an import did.
 *
 * @param dataset   the dataset written to
 * @param batch     the import batch id stored on each new record
 * @param rowsRead  data rows read (header excluded)
 * @param created   new records written
 * @param labeled   of the new records, those with a label (VALIDATED)
 * @param unchanged rows whose id already existed: left as stored (re-imports are idempotent)
 * @param rejected  rows skipped, with line numbers and reasons (the first {@link #MAX_LISTED_REJECTS} only)
 * @param rejectedCount all rejected rows
 * @param seconds   wall time
 */
public record ImportReport(String dataset, String batch, long rowsRead, long created, long labeled, long unchanged,
                           List<RejectedRow> rejected, long rejectedCount, double seconds) {

    /** Rejects listed in a report; the count covers all. */
    public static final int MAX_LISTED_REJECTS = 1000;

    public ImportReport {
        rejected = List.copyOf(rejected);
    }

    /** One line for people: what was read, written, left alone and rejected, and how fast. */
    public String summary() {
        return String.format(Locale.ROOT, "Imported into '%s': %d rows read, %d new records (%d labeled), "
                        + "%d already there, %d rejected, %.1f s (%.0f records/s)", dataset, rowsRead, created, labeled,
                unchanged, rejectedCount, seconds, recordsPerSecond());
    }

    /** Records per second written or checked. */
    public double recordsPerSecond() {
        return seconds <= 0 ? 0 : (created + unchanged) / seconds;
    }
}
