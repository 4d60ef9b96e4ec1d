package io.labelloop.queue;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Labeling queue settings: {@code labelloop.queue.*}.
 *
 * @param lease      how long a claimed record stays reserved for its annotator
 * @param candidates queue entries read per claim attempt; annotators racing for the head spread over them
 */
@ConfigurationProperties(prefix = "labelloop.queue")
public record QueueProperties(@DefaultValue("5m") Duration lease, @DefaultValue("16") int candidates) {

    /** Lease when none is configured. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);

    /** Candidates when none are configured. */
    public static final int DEFAULT_CANDIDATES = 16;

    public QueueProperties {
        lease = lease == null ? DEFAULT_LEASE : lease;
        if (lease.isZero() || lease.isNegative()) {
            // a zero lease would hand every claimed record to the next annotator at once
            throw new IllegalArgumentException("labelloop.queue.lease must be positive, e.g. 5m; was " + lease);
        }
        if (candidates <= 0) {
            throw new IllegalArgumentException("labelloop.queue.candidates must be at least 1; was " + candidates);
        }
    }

    /** The defaults. */
    public static QueueProperties defaults() {
        return new QueueProperties(DEFAULT_LEASE, DEFAULT_CANDIDATES);
    }
}
