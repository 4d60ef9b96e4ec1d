/**
 * Query strategies: which scored records go to labelling next ({@link io.labelloop.model.query.QuerySelector}
 * with least confidence in a score window, margin, entropy or random, and optional diversity on embeddings).
 */
package io.labelloop.model.query;
