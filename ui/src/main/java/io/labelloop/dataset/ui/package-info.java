/** The dataset explorer: search, filters, a lazy grid and bulk labeling. */
package io.labelloop.dataset.ui;
