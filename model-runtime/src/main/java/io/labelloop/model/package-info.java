/**
 * The model runtime's public API, starting at {@link io.labelloop.model.ModelRuntime}: it makes, trains, evaluates,
 * saves and loads {@link io.labelloop.model.TextClassifier}s on DJL's PyTorch engine, with no Spring, Camel or Vaadin.
 */
package io.labelloop.model;
