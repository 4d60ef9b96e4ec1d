/** The offline sample dataset, imported on first start into the example loop's dataset. */
package io.labelloop.sample;
