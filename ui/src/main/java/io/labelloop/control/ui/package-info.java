/** The admin's loops view: routes with state and last run, progress, pause, resume, trigger now. */
package io.labelloop.control.ui;
