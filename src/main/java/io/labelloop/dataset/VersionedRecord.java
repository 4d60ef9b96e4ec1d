package io.labelloop.dataset;

/**
 * A record with the OpenSearch version it was read at ({@code _seq_no}, {@code _primary_term}), so that a later
 * write can be made conditional on nobody having written the record since.
 */
public record VersionedRecord(TextRecord record, long seqNo, long primaryTerm) {
}
