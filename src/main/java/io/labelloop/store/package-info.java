/**
 * Where everything is kept: an OpenSearch node embedded in the JVM by default, or an external cluster
 * ({@code labelloop.opensearch.uris}), with index templates from {@code config/opensearch}. The only package that
 * knows OpenSearch: the rest of the application reads and writes through {@link io.labelloop.store.Documents} in
 * the store's own terms ({@link io.labelloop.store.Criteria}, {@link io.labelloop.store.Search},
 * {@link io.labelloop.store.Version}, {@link io.labelloop.store.BulkOp}) and handles its
 * {@link io.labelloop.store.StoreException}s.
 */
package io.labelloop.store;
