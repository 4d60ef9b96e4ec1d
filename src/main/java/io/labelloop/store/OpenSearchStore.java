package io.labelloop.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.ssl.SSLContextBuilder;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The OpenSearch that Labelloop talks to: an embedded node (default) or an external cluster, always through the
 * same HTTP client, so both paths run the same code.
 */
public final class OpenSearchStore implements AutoCloseable {

    /** File in the data dir holding the embedded node's HTTP port while it runs, so other tools can find it. */
    public static final String PORT_FILE = "http.port";
    private static final String SHARD_RECOVERY_TIMEOUT = "120s";
    private static final Logger log = LoggerFactory.getLogger(OpenSearchStore.class);

    private final OpenSearchProperties properties;
    private final EmbeddedNode node;
    private final OpenSearchTransport transport;
    private final OpenSearchClient client;
    private final ObjectMapper mapper;
    private final List<URI> uris;
    private final Documents documents;

    private OpenSearchStore(OpenSearchProperties properties, EmbeddedNode node, List<URI> uris) {
        this.properties = properties;
        this.node = node;
        this.uris = uris;
        this.mapper = newMapper();
        this.transport = transport(uris, properties, mapper);
        this.client = new OpenSearchClient(transport);
        this.documents = new Documents(this, client);
    }

    /** Starts the embedded node or connects to the external cluster, then installs the index templates. */
    public static OpenSearchStore open(OpenSearchProperties properties) {
        OpenSearchStore store = !properties.startsEmbeddedNode() ? external(properties)
                : runningNode(properties).orElseGet(() -> embedded(properties));
        try {
            store.awaitShards();
            new IndexTemplates(store, properties.templatesDir()).install();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * The node another Labelloop process (e.g. {@code serve}) runs on the same data directory, if any: a command
     * like {@code import} then uses it instead of failing on the directory's lock.
     */
    private static Optional<OpenSearchStore> runningNode(OpenSearchProperties properties) {
        Path portFile = properties.dataDir().resolve(PORT_FILE);
        try {
            if (!Files.isRegularFile(portFile)) {
                return Optional.empty();
            }
            int port = Integer.parseInt(Files.readString(portFile).trim());
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            }
            URI uri = URI.create("http://127.0.0.1:" + port);
            OpenSearchStore store = new OpenSearchStore(properties, null, List.of(uri));
            if (!EmbeddedNode.CLUSTER_NAME.equals(store.client.info().clusterName())) {
                store.close();
                return Optional.empty();
            }
            log.info("The OpenSearch node of {} is run by another Labelloop process: using it at {}",
                    properties.dataDir().toAbsolutePath(), uri);
            return Optional.of(store);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a stale port file after a crash: start our own node
        }
    }

    private static OpenSearchStore embedded(OpenSearchProperties properties) {
        long start = System.nanoTime();
        EmbeddedNode node = EmbeddedNode.startSingle(properties.dataDir(), properties.httpPort());
        URI uri = URI.create("http://127.0.0.1:" + node.httpPort());
        writePortFile(properties.dataDir(), node.httpPort());
        log.info("Embedded OpenSearch node on {} (data in {}, started in {} ms): try curl {}/_cat/indices",
                uri, properties.dataDir().toAbsolutePath(), (System.nanoTime() - start) / 1_000_000, uri);
        return new OpenSearchStore(properties, node, List.of(uri));
    }

    /** After a restart the node answers before its shards are recovered from disk: wait until every primary is. */
    private void awaitShards() {
        try {
            var health = client.cluster().health(h -> h.waitForStatus(HealthStatus.Yellow)
                    .timeout(t -> t.time(SHARD_RECOVERY_TIMEOUT)));
            if (health.timedOut()) {
                throw new StoreUnavailableException("OpenSearch at " + httpUri() + " did not recover its indices within "
                        + SHARD_RECOVERY_TIMEOUT + " (cluster health " + health.status() + ")", null);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof StoreUnavailableException sue) {
                throw sue;
            }
            throw unavailable("waiting for the indices to recover", e);
        }
    }

    private static OpenSearchStore external(OpenSearchProperties properties) {
        List<URI> uris = properties.uris().stream().map(OpenSearchStore::parse).toList();
        OpenSearchStore store = new OpenSearchStore(properties, null, uris);
        try {
            var info = store.client.info();
            log.info("Using external OpenSearch cluster '{}' version {} at {}", info.clusterName(),
                    info.version().number(), uris);
            return store;
        } catch (IOException | RuntimeException e) {
            store.close();
            throw new StoreUnavailableException("OpenSearch cluster at " + uris
                    + " (setting labelloop.opensearch.uris) is not reachable: " + e.getMessage(), e);
        }
    }

    private static URI parse(String uri) {
        try {
            URI parsed = new URI(uri.trim());
            if (parsed.getHost() == null || parsed.getScheme() == null) {
                throw new URISyntaxException(uri, "expected scheme://host:port");
            }
            return parsed;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Setting labelloop.opensearch.uris: '" + uri
                    + "' is not a URI like http://localhost:9200 (" + e.getMessage() + ")", e);
        }
    }

    /** Reads and writes of documents, in the store's own terms. */
    public Documents documents() {
        return documents;
    }

    /**
     * The OpenSearch client, for tests and tools that poke the cluster itself; application code outside this
     * package uses {@link #documents()} and the index methods here (ArchitectureTest keeps it so).
     */
    public OpenSearchClient client() {
        return client;
    }

    /**
     * Whether the node or cluster answers right now (readiness); an unreachable one is false, never an exception.
     */
    public boolean ping() {
        try {
            return client.ping().value();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The JSON mapper documents are written with (ISO-8601 instants, unknown fields ignored). */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** The node's or cluster's HTTP address, for curl and logs. */
    public URI httpUri() {
        return uris.get(0);
    }

    /** Full index name for a kind of index and a dataset, e.g. {@code labelloop-records-banking}. */
    public String index(String kind, String dataset) {
        return properties.indexPrefix() + kind + "-" + dataset;
    }

    /** Full name of a global index, e.g. {@code labelloop-models}. */
    public String index(String kind) {
        return properties.indexPrefix() + kind;
    }

    /**
     * Creates the index if it does not exist yet (its template gives it the mapping); safe to race with another
     * caller creating it.
     */
    public void ensureIndex(String index) {
        try {
            if (client.indices().exists(e -> e.index(index)).value()) {
                return;
            }
            client.indices().create(c -> c.index(index));
        } catch (IOException | RuntimeException e) {
            if (StoreErrors.status(e) == StoreErrors.BAD_REQUEST && String.valueOf(e.getMessage()).contains("already_exists")) {
                return;
            }
            throw failure("creating index " + index, e);
        }
    }

    /** Deletes these indices; those that do not exist are passed over. */
    public void deleteIndices(List<String> indices) {
        try {
            client.indices().delete(d -> d.index(indices).ignoreUnavailable(true));
        } catch (IOException | RuntimeException e) {
            throw failure("deleting indices " + indices, e);
        }
    }

    /**
     * Adds object fields that are stored but not indexed to the index's mapping. Adding fields is allowed even to a
     * strict mapping, so indices created by an older release gain the fields of a later one.
     */
    public void addStoredObjectFields(String index, List<String> fields) {
        try {
            client.indices().putMapping(m -> {
                m.index(index);
                for (String field : fields) {
                    m.properties(field, p -> p.object(o -> o.enabled(false)));
                }
                return m;
            });
        } catch (IOException | RuntimeException e) {
            throw failure("adding the fields " + fields + " to index " + index, e);
        }
    }

    /** Makes recent writes to the index searchable now. */
    public void refresh(String index) {
        try {
            client.indices().refresh(r -> r.index(index));
        } catch (IOException | RuntimeException e) {
            throw failure("refreshing index " + index, e);
        }
    }

    /** A client failure of {@code what} as a {@link StoreException}, naming the address and the setting to check. */
    StoreException failure(String what, Exception e) {
        return StoreErrors.translate(what, where(), e);
    }

    private StoreUnavailableException unavailable(String what, Exception e) {
        return new StoreUnavailableException("OpenSearch " + what + " failed at " + where() + ": " + e.getMessage(), e);
    }

    private String where() {
        return node != null ? "embedded node " + httpUri() : "cluster " + uris + " (setting labelloop.opensearch.uris)";
    }

    /** The prefix all index names start with. */
    public String indexPrefix() {
        return properties.indexPrefix();
    }

    @Override
    public void close() {
        try {
            transport.close();
        } catch (IOException e) {
            log.warn("Closing the OpenSearch client: {}", e.getMessage());
        }
        if (node != null) {
            node.close();
            try {
                Files.deleteIfExists(properties.dataDir().resolve(PORT_FILE));
            } catch (IOException e) {
                log.debug("Port file not removed: {}", e.getMessage());
            }
        }
    }

    static ObjectMapper newMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static void writePortFile(Path dataDir, int port) {
        try {
            Files.writeString(dataDir.resolve(PORT_FILE), Integer.toString(port));
        } catch (IOException e) {
            log.debug("Port file not written: {}", e.getMessage());
        }
    }

    private static OpenSearchTransport transport(List<URI> uris, OpenSearchProperties properties, ObjectMapper mapper) {
        HttpHost[] hosts = uris.stream()
                .map(u -> new HttpHost(u.getScheme(), u.getHost(), u.getPort() < 0 ? 9200 : u.getPort()))
                .toArray(HttpHost[]::new);
        String user = System.getenv(OpenSearchProperties.USER_ENV);
        String password = System.getenv(OpenSearchProperties.PASSWORD_ENV);
        return ApacheHttpClient5TransportBuilder.builder(hosts)
                .setMapper(new JacksonJsonpMapper(mapper))
                .setHttpClientConfigCallback(http -> {
                    if (user != null && password != null) {
                        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                        for (HttpHost host : hosts) {
                            credentials.setCredentials(new AuthScope(host),
                                    new UsernamePasswordCredentials(user, password.toCharArray()));
                        }
                        http.setDefaultCredentialsProvider(credentials);
                    }
                    var connections = PoolingAsyncClientConnectionManagerBuilder.create()
                            .setMaxConnTotal(64).setMaxConnPerRoute(32);
                    if (properties.tlsInsecure()) {
                        connections.setTlsStrategy(ClientTlsStrategyBuilder.create()
                                .setSslContext(trustAll())
                                .setHostnameVerifier(NoopHostnameVerifier.INSTANCE)
                                .build());
                    } else if (properties.truststore() != null) {
                        connections.setTlsStrategy(ClientTlsStrategyBuilder.create()
                                .setSslContext(trusting(properties.truststore())).build());
                    }
                    return http.setConnectionManager(connections.build());
                })
                .build();
    }

    private static SSLContext trusting(Path truststore) {
        String password = System.getenv(OpenSearchProperties.TRUSTSTORE_PASSWORD_ENV);
        try {
            return SSLContextBuilder.create()
                    .loadTrustMaterial(truststore.toFile(), password == null ? null : password.toCharArray()).build();
        } catch (Exception e) {
            throw new IllegalArgumentException("Setting labelloop.opensearch.truststore: cannot read " + truststore
                    + " (password from " + OpenSearchProperties.TRUSTSTORE_PASSWORD_ENV + "): " + e.getMessage(), e);
        }
    }

    private static SSLContext trustAll() {
        try {
            return SSLContextBuilder.create().loadTrustMaterial(null, (chain, type) -> true).build();
        } catch (Exception e) {
            throw new IllegalStateException("Setting labelloop.opensearch.tls-insecure: " + e.getMessage(), e);
        }
    }
}
