/** Model registry: versions with provenance and metrics, the current version per loop, iteration history. */
package io.labelloop.registry;
