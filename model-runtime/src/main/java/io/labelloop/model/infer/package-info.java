/** Running a classifier: engine set-up, length-sorted batches with dynamic padding, concurrent scoring workers, and the factory of classifiers on the shared encoder. */
package io.labelloop.model.infer;
