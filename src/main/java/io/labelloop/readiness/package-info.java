/** Whether the application can serve: the store, the model runtime and every loop's routes up (readiness probe). */
package io.labelloop.readiness;
