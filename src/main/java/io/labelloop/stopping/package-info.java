/**
 * When to stop labeling: a learning-curve forecast of the accuracy after more labels, and the stabilizing-predictions
 * signal (Cohen's kappa between consecutive versions' predictions on a fixed stop set of the pool).
 */
package io.labelloop.stopping;
