/**
 * The model benchmark behind {@code ./labelloop bench --suite model} ({@link io.labelloop.model.bench.ModelBench})
 * and the small CSV reader it uses.
 */
package io.labelloop.model.bench;
