package io.labelloop.store;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Labelloop keeps its data: {@code labelloop.opensearch.*}.
 *
 * <p>User and password of an external cluster come from the environment variables
 * {@value #USER_ENV} and {@value #PASSWORD_ENV} only, never from a file.
 *
 * @param embedded     start an OpenSearch node inside the application (ignored when {@code uris} is set)
 * @param dataDir      the embedded node's home; its data survives restarts
 * @param httpPort     the embedded node's HTTP port on 127.0.0.1; 0 picks a free one (logged at start)
 * @param uris         an external cluster, e.g. {@code https://search.example.org:9200}; when set no node is embedded
 * @param tlsInsecure  accept any TLS certificate of the external cluster (self-signed test clusters only)
 * @param truststore   PKCS12 or JKS file with the CA of the external cluster's certificate (password in
 *                     {@value #TRUSTSTORE_PASSWORD_ENV}); without it the JVM's default CAs are trusted
 * @param indexPrefix  prefix of every index Labelloop creates
 * @param templatesDir directory of index templates ({@code *.json}); when absent the templates packaged in the jar are used
 */
@ConfigurationProperties(prefix = "labelloop.opensearch")
public record OpenSearchProperties(
        @DefaultValue("true") boolean embedded,
        Path dataDir,
        @DefaultValue("0") int httpPort,
        List<String> uris,
        @DefaultValue("false") boolean tlsInsecure,
        Path truststore,
        @DefaultValue(DEFAULT_INDEX_PREFIX) String indexPrefix,
        Path templatesDir) {

    /** Environment variable holding the external cluster's user. */
    public static final String USER_ENV = "LABELLOOP_OPENSEARCH_USER";
    /** Environment variable holding the external cluster's password. */
    public static final String PASSWORD_ENV = "LABELLOOP_OPENSEARCH_PASSWORD";
    /** Environment variable holding the truststore's password. */
    public static final String TRUSTSTORE_PASSWORD_ENV = "LABELLOOP_OPENSEARCH_TRUSTSTORE_PASSWORD";
    /** Prefix of all indices. */
    public static final String DEFAULT_INDEX_PREFIX = "labelloop-";
    /** Data directory under {@code LABELLOOP_HOME} (else the working directory). */
    public static final String DEFAULT_DATA_SUBDIR = "data/opensearch";
    /** Templates directory under {@code LABELLOOP_HOME} (else the working directory). */
    public static final String DEFAULT_TEMPLATES_SUBDIR = "config/opensearch";

    public OpenSearchProperties {
        uris = uris == null ? List.of() : uris.stream().filter(u -> !u.isBlank()).toList();
        dataDir = dataDir == null ? home().resolve(DEFAULT_DATA_SUBDIR) : dataDir;
        templatesDir = templatesDir == null ? home().resolve(DEFAULT_TEMPLATES_SUBDIR) : templatesDir;
        indexPrefix = indexPrefix == null ? DEFAULT_INDEX_PREFIX : indexPrefix;
    }

    /** Embedded node in {@code dataDir}, default everything else. */
    public static OpenSearchProperties embeddedAt(Path dataDir) {
        return new OpenSearchProperties(true, dataDir, 0, List.of(), false, null, DEFAULT_INDEX_PREFIX, null);
    }

    /** An external cluster at these URIs. */
    public static OpenSearchProperties external(List<String> uris) {
        return new OpenSearchProperties(false, null, 0, uris, false, null, DEFAULT_INDEX_PREFIX, null);
    }

    /** True when Labelloop starts its own node. */
    public boolean startsEmbeddedNode() {
        return embedded && uris.isEmpty();
    }

    private static Path home() {
        String home = System.getenv("LABELLOOP_HOME");
        return Path.of(home == null || home.isBlank() ? "." : home);
    }
}
