package io.labelloop.store;

/**
 * The version of a stored document that a conditional write names ({@code if_seq_no} / {@code if_primary_term}):
 * the write is refused with {@link StoreConflictException} if the document changed since.
 */
public record Version(long seqNo, long primaryTerm) {
}
