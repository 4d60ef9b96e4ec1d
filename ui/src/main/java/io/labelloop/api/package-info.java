/** The REST API for scripts (log, load, label, export, loops), checked by role like the views. */
package io.labelloop.api;
