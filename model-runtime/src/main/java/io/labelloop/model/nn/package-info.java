/** The network as DJL blocks: the BERT encoder (embeddings, transformer layers with fused query/key/value), the classifier head and their configurations. */
package io.labelloop.model.nn;
