/** Dashboards per loop. */
package io.labelloop.loop.ui;
