/**
 * Benchmark suites of {@code ./labelloop bench}, found by the CLI through {@link java.util.ServiceLoader}; no
 * production code imports them.
 */
package io.labelloop.bench;
