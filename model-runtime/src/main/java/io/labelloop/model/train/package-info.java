/** Fine-tuning: the training loop (head-only on cached features or full), its learning-rate schedule, non-finite loss handling, and the examples and settings it reads. */
package io.labelloop.model.train;
