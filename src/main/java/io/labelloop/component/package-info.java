/**
 * The {@code labelloop:} Camel component: component, endpoint, configuration, constants, operation, producer and
 * consumers, with each endpoint's options laid over its loop file once.
 */
package io.labelloop.component;
