/**
 * Where everything is kept: an OpenSearch node embedded in the JVM by default, or an external cluster
 * ({@code labelloop.opensearch.uris}), reached through one OpenSearch Java client; index templates from
 * {@code config/opensearch}.
 */
package io.labelloop.store;
