/**
 * Benchmark suites of {@code ./labelloop bench} ({@code store}, {@code faults}: kills and restarts of the real
 * application), found by the CLI through {@link java.util.ServiceLoader}; no production code imports them.
 */
package io.labelloop.bench;
