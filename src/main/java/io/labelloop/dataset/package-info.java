/** Datasets of text records: import, search, aggregations, predictions, bulk labeling and export. */
package io.labelloop.dataset;
