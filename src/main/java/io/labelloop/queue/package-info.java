/** Labeling queues: prioritized records claimed by annotators with leases and optimistic concurrency. */
package io.labelloop.queue;
