/** What every room of the model runtime shares: its exception ({@link io.labelloop.model.core.ModelException}) and host-side tensors. */
package io.labelloop.model.core;
