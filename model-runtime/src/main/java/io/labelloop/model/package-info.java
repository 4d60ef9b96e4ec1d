/**
 * The model runtime: text classifiers on DJL's PyTorch engine, with no Spring, Camel or Vaadin.
 *
 * <p>Start at {@link io.labelloop.model.ModelRuntime}: it owns the pretrained all-MiniLM-L6-v2 encoder (imported
 * from the ONNX file in a Maven Central jar into DJL blocks), makes the zero-shot classifier from a
 * {@link io.labelloop.model.LabelSetFile label set}, trains ({@link io.labelloop.model.TrainingRequest}),
 * evaluates, saves and loads versions, and loads HuggingFace BERT/DistilBERT checkpoints. Classifiers are
 * {@link io.labelloop.model.TextClassifier}s. Everything else in this package is package-private: blocks
 * ({@code BertEncoderBlock}, {@code TransformerLayerBlock}, {@code ClassifierHeadBlock}), weight readers
 * ({@code OnnxWeights}, {@code Safetensors}), the tokenizer wrapper and the training loop.
 */
package io.labelloop.model;
