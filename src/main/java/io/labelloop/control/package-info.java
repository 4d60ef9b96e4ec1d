/** Pausing, resuming and triggering the loops' Camel routes, for the views and the REST API. */
package io.labelloop.control;
