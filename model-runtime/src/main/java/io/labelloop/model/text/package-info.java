/** Tokenizers: DJL's HuggingFace tokenizer set up for dynamic padding, and a WordPiece {@code tokenizer.json} for checkpoints that ship only {@code vocab.txt}. */
package io.labelloop.model.text;
