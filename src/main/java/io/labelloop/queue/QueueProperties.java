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

    public QueueProperties {
        lease = lease == null || lease.isZero() || lease.isNegative() ? DEFAULT_LEASE : lease;
        candidates = candidates <= 0 ? 16 : candidates;
    }

    /** The defaults. */
    public static QueueProperties defaults() {
        return new QueueProperties(DEFAULT_LEASE, 16);
    }
}
