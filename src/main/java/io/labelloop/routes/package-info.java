/**
 * The loops' route files as the user meets them: the file and line of a route, step or option at fault, the checks a
 * route passes before it starts (its datasets exist) and the short start-failure report that names the file.
 */
package io.labelloop.routes;
