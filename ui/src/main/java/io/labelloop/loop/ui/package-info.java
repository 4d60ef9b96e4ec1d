/** Dashboards per loop and the admin's loops view. */
package io.labelloop.loop.ui;
