/** Benchmark suites of {@code ./labelloop bench}: {@code faults} (kills and restarts of the real application). */
package io.labelloop.bench;
