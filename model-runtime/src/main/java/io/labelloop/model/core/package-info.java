/**
 * What every room of the model runtime and its public API share: its exception
 * ({@link io.labelloop.model.core.ModelException}), a prediction and its label scores, and host-side tensors.
 */
package io.labelloop.model.core;
