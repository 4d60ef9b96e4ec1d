/** Labelloop's Spring Boot application: {@link io.labelloop.LabelloopApplication} wires the features below. */
package io.labelloop;
