/** Weights in and out of files: ONNX and safetensors readers, HuggingFace checkpoints and Hub downloads, version directories with their provenance. */
package io.labelloop.model.weights;
