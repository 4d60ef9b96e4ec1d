package io.labelloop.registry;

import java.time.Instant;

/**
 * Who made a version current, when and why.
 *
 * @param by     the user who promoted it by hand, or {@code loop} when the loop's promote step did
 * @param at     when
 * @param reason the policy or the comparison that decided it
 */
public record Promotion(String by, Instant at, String reason) {

    /** {@link #by} of promotions the loop's own promote step made. */
    public static final String BY_LOOP = "loop";
}
