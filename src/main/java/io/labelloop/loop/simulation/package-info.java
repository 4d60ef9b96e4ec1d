/** {@code ./labelloop simulate}: the loop's own routes run with a simulated annotator, writing a learning curve. */
package io.labelloop.loop.simulation;
