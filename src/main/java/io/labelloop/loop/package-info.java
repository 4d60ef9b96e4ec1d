/**
 * A loop's steps as services (import, score, select, train, evaluate, promote), its loop files, and the mapping of
 * the names users type onto the model runtime's own options ({@link io.labelloop.loop.ModelOptions}).
 */
package io.labelloop.loop;
