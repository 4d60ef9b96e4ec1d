/** Who may sign in and what each role may do, for the views and the REST API alike. */
package io.labelloop.security;
