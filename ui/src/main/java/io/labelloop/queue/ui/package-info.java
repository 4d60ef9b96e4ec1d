/** The labeling view: one queued record at a time, labeled by keyboard. */
package io.labelloop.queue.ui;
